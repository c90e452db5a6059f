// The permission model the benchmarks load: shaped like Touchline's fga/model.fga (clubs, groups,
// youth members, guardians), using what an app uses — direct relations, a userset
// (`club#coach` holds `group#coach`), computed relations, unions and tuple-to-userset (`from`).
export const CLUB_MODEL_DSL = `model
  schema 1.1

type user

type club
  relations
    define admin: [user]
    define coach: [group#coach]
    define member: [youth_member]
    define staff: admin or coach
    define can_view: staff
    define can_manage: admin

type group
  relations
    define club: [club]
    define head_coach: [user]
    define assistant_coach: [user]
    define member: [youth_member]
    define coach: head_coach or assistant_coach
    define can_view_roster: coach or admin from club or guardian from member
    define can_manage_members: admin from club

type youth_member
  relations
    define club: [club]
    define group: [group]
    define guardian: [user]
    define can_view: guardian or coach from group or admin from club
    define can_edit: guardian or admin from club
`;
