import { defineRoutes } from '../shared/route-table.js';
import { getMe } from './queries/get-me.js';
import { UserResponse } from './schemas.js';

export const userRoutes = defineRoutes([
    { method: 'get', path: '/v1/me', tag: 'users', summary: 'The signed-in user', status: 200, response: UserResponse, handle: (_deps, { caller }) => getMe(caller) },
]);
