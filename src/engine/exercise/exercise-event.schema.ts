import { z } from 'zod';
import { PHASES, TIERS } from '../doctrine/doctrine-entry.ts';
import { RATINGS } from '../scenario/scenario.schema.ts';
import type { ExerciseEvent } from './exercise-log.ts';
import { CORRECTIVE_STATUSES, MAX_AREA, MAX_TEXT } from './exercise-state.ts';

const id = z.string().min(1).max(120);
const words = z.string().min(1).max(MAX_TEXT);
const seconds = z
  .number()
  .finite()
  .min(0)
  .max(10 * 365 * 86_400);

/** The shape of every exercise event, for events that cross a boundary (a file, the network). */
export const exerciseEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('exercise.started') }),
  z.strictObject({ type: z.literal('exercise.paused') }),
  z.strictObject({ type: z.literal('exercise.resumed') }),
  z.strictObject({ type: z.literal('exercise.ended') }),
  z.strictObject({ type: z.literal('clock.ticked'), seconds }),
  z.strictObject({ type: z.literal('clock.jumped'), seconds, hold: z.boolean().optional() }),
  z.strictObject({ type: z.literal('speed.changed'), speed: z.number().int().min(1).max(3_600) }),
  z.strictObject({ type: z.literal('inject.released'), inject: id }),
  z.strictObject({ type: z.literal('inject.skipped'), inject: id }),
  z.strictObject({ type: z.literal('contingency.fired'), inject: id }),
  z.strictObject({ type: z.literal('action.recorded'), action: id, role: id }),
  z.strictObject({
    type: z.literal('decision.recorded'),
    role: id,
    step: id.optional(),
    options: z.array(id).max(20).optional(),
    text: words.optional(),
    tiers: z.array(z.enum(TIERS)).max(3).optional(),
    phases: z.array(z.enum(PHASES)).max(4).optional(),
    doctrine: z.array(id).max(40).optional(),
  }),
  z.strictObject({ type: z.literal('note.recorded'), role: id, text: words }),
  z.strictObject({ type: z.literal('message.sent'), from: id, to: id, text: words }),
  z.strictObject({
    type: z.literal('evaluation.rated'),
    point: id,
    rating: z.enum(RATINGS),
    comment: words.optional(),
  }),
  z.strictObject({
    type: z.literal('hotwash.recorded'),
    role: id,
    kind: z.enum(['strength', 'improvement']),
    text: words,
  }),
  z.strictObject({
    type: z.literal('corrective.set'),
    id,
    action: words,
    role: id,
    due: z.string().max(40),
    area: z.string().max(MAX_AREA).optional(),
    status: z.enum(CORRECTIVE_STATUSES).optional(),
  }),
  z.strictObject({ type: z.literal('corrective.removed'), id }),
  z.strictObject({ type: z.literal('record.undone'), record: id }),
  z.strictObject({ type: z.literal('record.redone'), record: id }),
  z.strictObject({
    type: z.literal('record.amended'),
    record: id,
    text: words.optional(),
    rating: z.enum(RATINGS).optional(),
    comment: words.optional(),
  }),
]) satisfies z.ZodType<ExerciseEvent>;
