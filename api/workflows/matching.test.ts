import { describe, expect, it } from 'vitest';
import { workflowMatches } from './matching.ts';

const statusFlow = {
  trigger: 'APPLICATION_STATUS_CHANGED' as const,
  toStatus: 'Interview',
  fromStatus: null,
  callToAction: null,
  jobIds: [] as string[],
  jobTitleContains: null,
};
const barista = { jobId: 'job-1', jobTitle: 'Senior Barista' };
const toInterview = { trigger: 'APPLICATION_STATUS_CHANGED' as const, from: 'Screening', to: ' interview ' };

describe('which workflows an ATS event starts', () => {
  it('matches the status changed to (and from, when named), in any case', () => {
    expect(workflowMatches(statusFlow, toInterview, barista)).toBe(true);
    expect(workflowMatches(statusFlow, { ...toInterview, to: 'Offer' }, barista)).toBe(false);
    expect(workflowMatches({ ...statusFlow, fromStatus: 'SCREENING' }, toInterview, barista)).toBe(true);
    expect(workflowMatches({ ...statusFlow, fromStatus: 'Applied' }, toInterview, barista)).toBe(false);
    expect(workflowMatches({ ...statusFlow, fromStatus: 'Applied' }, { ...toInterview, from: null }, barista)).toBe(
      false,
    );
  });

  it('matches a call-to-action by name, never a status change', () => {
    const cta = {
      ...statusFlow,
      trigger: 'CALL_TO_ACTION_COMPLETED' as const,
      toStatus: null,
      callToAction: 'Assessment',
    };
    expect(workflowMatches(cta, { trigger: 'CALL_TO_ACTION_COMPLETED', callToAction: 'assessment' }, barista)).toBe(
      true,
    );
    expect(workflowMatches(cta, { trigger: 'CALL_TO_ACTION_COMPLETED', callToAction: 'booking' }, barista)).toBe(false);
    expect(workflowMatches(cta, toInterview, barista)).toBe(false);
  });

  it('holds every criterion: the job among those named, the title containing the text', () => {
    expect(workflowMatches({ ...statusFlow, jobIds: ['job-1', 'job-2'] }, toInterview, barista)).toBe(true);
    expect(workflowMatches({ ...statusFlow, jobIds: ['job-2'] }, toInterview, barista)).toBe(false);
    expect(workflowMatches({ ...statusFlow, jobTitleContains: 'BARISTA' }, toInterview, barista)).toBe(true);
    expect(workflowMatches({ ...statusFlow, jobTitleContains: 'chef' }, toInterview, barista)).toBe(false);
    expect(workflowMatches({ ...statusFlow, jobIds: ['job-1'], jobTitleContains: 'chef' }, toInterview, barista)).toBe(
      false,
    );
  });
});
