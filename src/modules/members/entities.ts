import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export interface EmergencyContact {
  name: string;
  phone: string;
  relationship?: string;
}

/** A child's profile: no login; seen in full only by those the model allows. */
export const YouthMember = defineEntity({
  name: 'YouthMember',
  tableName: 'youth_members',
  properties: {
    id: p.string().primary(),
    clubId: p.string(),
    firstName: p.string(),
    lastName: p.string(),
    dateOfBirth: p.date(),
    medicalNotes: p.text().nullable(),
    emergencyContacts: p.json<EmergencyContact[]>(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type YouthMember = InferEntity<typeof YouthMember>;
