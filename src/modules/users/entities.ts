import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A person who signs in (Auth0 subject). Youth members are not users. */
export const User = defineEntity({
  name: 'User',
  tableName: 'users',
  properties: {
    id: p.string().primary(),
    authSubject: p.string().unique(),
    email: p.string(),
    name: p.string(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type User = InferEntity<typeof User>;
