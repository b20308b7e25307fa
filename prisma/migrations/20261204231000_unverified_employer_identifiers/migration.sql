-- LNK-06 (recurring front employers): a candidate's former employer whose employment verification failed
-- (unverifiable, contradicted) or whose employer check found a fabricated site / no registered entity is recorded a
-- second time under this kind, so a later applicant naming the same employer can count how many earlier applicants'
-- checks of it failed.
-- AlterEnum
ALTER TYPE "IdentifierKind" ADD VALUE 'EMPLOYER_UNVERIFIED';
