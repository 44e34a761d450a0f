// Who "he" and "she" are, as the article goes: a chain of "he said … he added" keeps to the speaker
// even with another man named in between, or named first as the agent of "Asked by …"; a name whose gender the article never gave takes it from
// "X, 41, …, says she …" (that article only); and "the spokesperson" far from "a hospital spokesperson
// said" is that unnamed speaker; "the physicians" (a plural role) is never one person described so.
// Short made-up articles.
import { describe, expect, it } from 'vitest';
import { whoSaid } from '../helpers.js';

describe('pronouns follow the speakers of the article', () => {
  it('a chain of "he said … he added" keeps to the speaker', () => {
    const story = [
      'Budget row',
      '',
      'Mayor Paul Crane faced the council on Monday.',
      '',
      '“I never saw that report, and nobody showed it to me,” he said, as Tom Ridley, the union leader, shook his head.',
      '',
      'He said the council had treated him unfairly.',
      '',
      '“They want a scapegoat and they picked me,” he added.',
    ];
    const said = whoSaid(story);
    expect(said.length).toBe(2);
    expect(said.every(([, speaker]) => speaker === 'Paul Crane')).toBe(true);
  });

  it('"Asked by Tom Ridley …, Paul Crane said": the agent after "by" is not the subject "he" follows', () => {
    const story = [
      'Mayor defends budget',
      '',
      'Asked by Tom Ridley about the audit, Mayor Paul Crane said, “I never saw that report.”',
      '',
      '“Let me be clear,” he continued. “Nobody showed me anything.”',
      '',
      '“They want a scapegoat and they picked me,” he added.',
    ];
    const said = whoSaid(story);
    expect(said.length).toBe(4);
    expect(said.every(([, speaker]) => speaker === 'Paul Crane')).toBe(true);
  });

  it('"Kerry Vance … says she" makes Kerry Vance a woman for the "she" after', () => {
    const story = [
      'Bakery rules',
      '',
      'Councillor Maria Lopez backed the new rules on Monday.',
      '',
      'Kerry Vance, 41, who runs a bakery in the high street, says she was never consulted.',
      '',
      '“Nobody asked us what we thought about any of it,” she said.',
    ];
    expect(whoSaid(story)).toEqual([['Nobody asked us what we thought about any of it,', 'Kerry Vance']]);
  });

  it('"the spokesperson" is the unnamed spokesperson quoted paragraphs before', () => {
    const story = [
      'Ward closed',
      '',
      '“The ward will stay closed until the repairs are finished,” a hospital spokesperson said.',
      '',
      'Patients were moved to other wards on Monday.',
      '',
      'Some families said they had not been told.',
      '',
      'The trust said the leak began in the roof.',
      '',
      'Engineers were still on site on Tuesday.',
      '',
      '“We apologise to every family affected by this,” the spokesperson said.',
    ];
    const said = whoSaid(story);
    expect(said[1][1]).toBe(said[0][1]);
    expect(said[0][1]).toMatch(/spokesperson/);
  });

  it('"the physicians" are many: not the one physician the article named', () => {
    const story = [
      'Clinic plea',
      '',
      'Dr Ana Ruiz, a physician at the county hospital, treated the children last winter.',
      '',
      'A group of doctors wrote to the governor on Friday.',
      '',
      '“We ask you to let us hold a vaccine clinic before the winter,” the physicians wrote in the letter.',
    ];
    expect(whoSaid(story)).toEqual([
      ['We ask you to let us hold a vaccine clinic before the winter,', 'the physicians'],
    ]);
  });
  it('"he" never points back to a place named like a person ("Linden Park"), but "Jimmy Park" is a person', () => {
    const story = [
      'Town opens its new bridge',
      '',
      'Mayor Colin Hart opened the new footbridge on Friday after a ceremony by the river.',
      '',
      'Later in the afternoon he walked with the builders through Linden Park.',
      '',
      'He told reporters: “The town has waited ten years for this crossing.”',
      '',
      'Jimmy Park, who runs the cafe by the bridge, was pleased. “Trade will double,” Park said.',
    ];
    expect(whoSaid(story)).toEqual([
      ['The town has waited ten years for this crossing.', 'Colin Hart'],
      ['Trade will double,', 'Jimmy Park'],
    ]);
  });
});
