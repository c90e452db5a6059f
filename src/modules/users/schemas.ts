import { z } from 'zod';

export const UserResponse = z.object({ id: z.string(), email: z.string(), name: z.string() });
export type UserResponse = z.infer<typeof UserResponse>;

export const IdentityClaims = z.object({
  sub: z.string().min(1),
  email: z.string().optional(),
  name: z.string().optional(),
  emailVerified: z.boolean().optional(),
});
export type IdentityClaims = z.infer<typeof IdentityClaims>;
