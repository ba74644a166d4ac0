import { t } from '../messages.js';
import { z } from 'zod';
import { MILESTONE_IDS, type MilestoneRole } from './milestone-ids.js';

// A wall-clock moment in the region's time zone: a date ("2023-06-09") or a date and time
// ("2023-06-09T23:59"). A date alone means the whole day, so a deadline on it ends at 23:59.
const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?$/);

const label = z.string().trim().min(1);

export const problemAreaSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: label.refine((s) => !s.includes(';'), t('region.issue.semicolon')),
  description: z.string(),
  serviceTypes: z.array(label).min(1),
  /** Words people use for the area ("schulden", "woning"): the pane's search finds it by them. */
  synonyms: z.array(label).optional(),
});

export const figureSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label,
  unit: z.enum(['aantal', 'procent', 'per 1000']),
  region: z.number(),
  province: z.number().nullable(),
  year: z.number().int().nullable(),
});

export const milestoneSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label,
  start: localDateTime,
  end: localDateTime.nullable(),
  provisional: z.boolean(),
  // A step that ends a fixed number of days after another step (the rebuttal window).
  after: z.object({ milestone: z.string(), days: z.number().int().positive() }).nullable(),
  description: z.string(),
});

const timelineSchema = z
  .array(milestoneSchema)
  .min(1)
  .superRefine((steps, ctx) => {
    const ids = steps.map((m) => m.id);
    const twice = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
    for (const id of twice) {
      ctx.addIssue({ code: 'custom', message: t('region.issue.milestone-twice', { id }) });
    }
    for (const [role, id] of Object.entries(MILESTONE_IDS) as [MilestoneRole, string][]) {
      if (ids.includes(id)) continue;
      const what = t(`region.role.${role}`);
      ctx.addIssue({ code: 'custom', message: t('region.issue.milestone-missing', { id, what }) });
    }
    const rebuttal = steps.find((m) => m.id === MILESTONE_IDS.rebuttal);
    if (rebuttal?.after && rebuttal.after.milestone !== MILESTONE_IDS.decision) {
      ctx.addIssue({
        code: 'custom',
        message: t('region.issue.rebuttal-after', {
          id: MILESTONE_IDS.rebuttal,
          decision: MILESTONE_IDS.decision,
        }),
      });
    }
  });

export const regionSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'alleen kleine letters, cijfers en -'),
  name: label,
  timeZone: z.string().refine(isTimeZone, t('region.issue.time-zone')),
  coordinator: z.object({
    organisation: label,
    contact: label,
    email: z.email(),
  }),
  municipalities: z.array(label).min(1),
  /** Where a municipality's workbook feedback is mailed (`feedback --mail`), by municipality. */
  municipalityContacts: z.record(label, z.email()).optional(),
  problemAreas: z.array(problemAreaSchema).min(1),
  targetGroups: z.array(label).min(1),
  lifeDomains: z.array(label).min(1),
  /** The area the figures are compared with (the province). */
  comparison: label,
  figures: z.array(figureSchema),
  timeline: timelineSchema,
  submission: z.object({ email: z.email(), subject: label }),
  /** How written proposals are scored: criteria with weights, on a scale. */
  assessment: z.object({
    criteria: z
      .array(
        z.object({
          id: z.string().regex(/^[a-z0-9-]+$/),
          label: label.refine((s) => !s.includes(';'), t('region.issue.semicolon')),
          weight: z.number().positive(),
        }),
      )
      .min(1),
    scoreMin: z.number(),
    scoreMax: z.number(),
  }),
  /** When reminders fall due. */
  reminders: z.object({
    /** Reminders this many days before each milestone. */
    daysBefore: z.array(z.number().int().positive()),
    /** A rebuttal window closing within this many days is flagged. */
    rebuttalWarningDays: z.number().int().positive(),
    /** A lead partner is reminded of their pitch slot this many days before it. */
    pitchNoticeDays: z.number().int().positive().default(3),
  }),
  /** Folder names on the shared drive ('/' separates levels) and the overview's file name. */
  drive: z.object({
    gemeenten: label,
    aanbod: label,
    kandidaturen: label,
    overzicht: label,
    feedback: label,
    /** The coordinator's tracker workbook (the one workbook edited by hand): folder and name. */
    tracker: label,
    trackerName: label.regex(/\.xlsx$/, 'moet eindigen op .xlsx'),
    overviewName: label.regex(/\.xlsx$/, 'moet eindigen op .xlsx'),
  }),
});

export type Region = z.infer<typeof regionSchema>;
export type ProblemArea = z.infer<typeof problemAreaSchema>;
export type Figure = z.infer<typeof figureSchema>;
export type Milestone = z.infer<typeof milestoneSchema>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('nl-BE', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
