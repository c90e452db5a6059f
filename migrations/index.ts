// Forward-only migrations, in order. Listed explicitly so they run the same under tsx and in a bundle.
import { Migration20261125Foundation } from './20261125-foundation.js';
import { Migration20261125Events } from './20261125-events.js';
import { Migration20261125JoinInvitations } from './20261125-join-invitations.js';
import { Migration20261201JobsAndEmail } from './20261201-jobs-and-email.js';
import { Migration20261204Audit } from './20261204-audit.js';
import { Migration20261204RevocationIntents } from './20261204-revocation-intents.js';
import { Migration20261206DecisionLists } from './20261206-decision-lists.js';
import { Migration20261206MemberProfileJson } from './20261206-member-profile-json.js';
import { Migration20261206RosterNames } from './20261206-roster-names.js';
import { Migration20261206DecisionObjectsPendingList } from './20261206-decision-objects-pending-list.js';
import { Migration20261206DecisionIndexesPartial } from './20261206-decision-indexes-partial.js';
import { Migration20261206DecisionPageContents } from './20261206-decision-page-contents.js';

export const migrationsList = [
  { name: 'Migration20261125Foundation', class: Migration20261125Foundation },
  { name: 'Migration20261125Events', class: Migration20261125Events },
  { name: 'Migration20261125JoinInvitations', class: Migration20261125JoinInvitations },
  { name: 'Migration20261201JobsAndEmail', class: Migration20261201JobsAndEmail },
  { name: 'Migration20261204Audit', class: Migration20261204Audit },
  { name: 'Migration20261204RevocationIntents', class: Migration20261204RevocationIntents },
  { name: 'Migration20261206DecisionLists', class: Migration20261206DecisionLists },
  { name: 'Migration20261206MemberProfileJson', class: Migration20261206MemberProfileJson },
  { name: 'Migration20261206RosterNames', class: Migration20261206RosterNames },
  { name: 'Migration20261206DecisionObjectsPendingList', class: Migration20261206DecisionObjectsPendingList },
  { name: 'Migration20261206DecisionIndexesPartial', class: Migration20261206DecisionIndexesPartial },
  { name: 'Migration20261206DecisionPageContents', class: Migration20261206DecisionPageContents },
];
