import { gql } from "@urql/core";
import type { Branding, SessionResult } from "./types.ts";

/** Operations of the account pages (registration, recovery, profile, users, keys, history, staff). */

export interface FieldError {
  field: string;
  message: string;
}
export type AccountResult =
  | { __typename: "Accepted"; message: string }
  | { __typename: "AccountError"; code: string; message: string; fields: FieldError[] };

const RESULT = `__typename
  ... on Accepted { message }
  ... on AccountError { code message fields { field message } }`;
const ERROR = `... on AccountError { code message fields { field message } }`;

export interface PublicTenant {
  id: string;
  slug: string;
  name: string;
  registrationMode: string;
  passwordRule: string;
  branding: Branding;
}

export const PublicTenantQuery = gql<{ tenant: PublicTenant | null }, { slug: string }>`
  query PortalPublicTenant($slug: String!) {
    tenant(slug: $slug) {
      id
      slug
      name
      registrationMode
      passwordRule
      branding {
        primary
        onPrimary
        accent
        logoSvg
      }
    }
  }
`;

export interface RegisterDealerInput {
  tenantSlug: string;
  userName: string;
  legalName: string;
  inn: string;
  kpp: string | null;
  email: string;
  managerEmail: string | null;
  password: string;
  passwordRepeat: string;
}
export const RegisterDealerMutation = gql<{ registerDealer: AccountResult }, { i: RegisterDealerInput }>(`
  mutation PortalRegisterDealer($i: RegisterDealerInput!) { registerDealer(input: $i) { ${RESULT} } }
`);

export const StartRegistrationMutation = gql<
  { startRegistration: AccountResult },
  { i: { tenantSlug: string; email: string; acceptTerms: boolean } }
>(`
  mutation PortalStartRegistration($i: StartRegistrationInput!) { startRegistration(input: $i) { ${RESULT} } }
`);

export type QuestionnaireResult =
  | { __typename: "QuestionnaireInfo"; email: string; customerTypes: string[] }
  | { __typename: "AccountError"; code: string; message: string; fields: FieldError[] };
export const QuestionnaireQuery = gql<{ questionnaire: QuestionnaireResult }, { t: string }>(`
  query PortalQuestionnaire($t: String!) {
    questionnaire(token: $t) { __typename ... on QuestionnaireInfo { email customerTypes } ${ERROR} }
  }
`);

export interface CompleteRegistrationInput {
  token: string;
  surname: string;
  givenName: string;
  patronymic: string | null;
  customerType: string;
  password: string;
  passwordRepeat: string;
  acceptTerms: boolean;
  newsletter: boolean;
}
export const CompleteRegistrationMutation = gql<
  { completeRegistration: AccountResult },
  { i: CompleteRegistrationInput }
>(`
  mutation PortalCompleteRegistration($i: CompleteRegistrationInput!) { completeRegistration(input: $i) { ${RESULT} } }
`);

export type ActivateResult =
  | { __typename: "Activated"; status: string; message: string }
  | { __typename: "AccountError"; code: string; message: string; fields: FieldError[] };
export const ActivateMutation = gql<{ activateAccount: ActivateResult }, { t: string }>(`
  mutation PortalActivate($t: String!) {
    activateAccount(token: $t) { __typename ... on Activated { status message } ${ERROR} }
  }
`);

export const RequestPasswordResetMutation = gql<
  { requestPasswordReset: AccountResult },
  { slug: string; email: string }
>(`
  mutation PortalRequestReset($slug: String!, $email: String!) {
    requestPasswordReset(tenantSlug: $slug, email: $email) { ${RESULT} }
  }
`);

export const ResetPasswordMutation = gql<
  { resetPassword: AccountResult },
  { i: { token: string; password: string; passwordRepeat: string } }
>(`
  mutation PortalResetPassword($i: ResetPasswordInput!) { resetPassword(input: $i) { ${RESULT} } }
`);

export const ChangePasswordMutation = gql<
  { changePassword: AccountResult },
  { i: { currentPassword: string; password: string; passwordRepeat: string } }
>(`
  mutation PortalChangePassword($i: ChangePasswordInput!) { changePassword(input: $i) { ${RESULT} } }
`);

export interface Profile {
  surname: string | null;
  givenName: string | null;
  patronymic: string | null;
  phones: string[];
  region: string | null;
  birthDate: string | null;
  extraEmails: string[];
}
const PROFILE = "surname givenName patronymic phones region birthDate extraEmails";

export const ProfileQuery = gql<{
  viewer: {
    user: { id: string; email: string; fullName: string; profile: Profile | null };
    company: { name: string } | null;
    tenant: { registrationMode: string; passwordRule: string };
  } | null;
}>(`
  query PortalProfile {
    viewer { user { id email fullName profile { ${PROFILE} } } company { name } tenant { registrationMode passwordRule } }
  }
`);

export type ProfileInput = Partial<Profile>;
export const UpdateProfileMutation = gql<
  {
    updateProfile:
      | { __typename: "User"; fullName: string }
      | { __typename: "AccountError"; code: string; message: string; fields: FieldError[] };
  },
  { i: ProfileInput }
>(`
  mutation PortalUpdateProfile($i: UpdateProfileInput!) {
    updateProfile(input: $i) { __typename ... on User { fullName } ${ERROR} }
  }
`);

export const RequestDataChangeMutation = gql<{ requestDataChange: AccountResult }, { m: string }>(`
  mutation PortalRequestDataChange($m: String!) { requestDataChange(message: $m) { ${RESULT} } }
`);

export const RequestEmailChangeMutation = gql<{ requestEmailChange: AccountResult }, { e: string }>(`
  mutation PortalRequestEmailChange($e: String!) { requestEmailChange(newEmail: $e) { ${RESULT} } }
`);

export const ConfirmEmailChangeMutation = gql<
  { confirmEmailChange: AccountResult },
  { i: { token: string; code: string } }
>(`
  mutation PortalConfirmEmailChange($i: ConfirmEmailChangeInput!) { confirmEmailChange(input: $i) { ${RESULT} } }
`);

export interface CompanyUser {
  id: string;
  email: string;
  fullName: string;
  role: string;
  permissions: string[];
  status: string;
  company: { name: string } | null;
  manager: { id: string; fullName: string } | null;
  createdAt: string;
}
const COMPANY_USER = "id email fullName role permissions status company { name } manager { id fullName } createdAt";
type CompanyUserResult =
  | ({ __typename: "CompanyUser" } & CompanyUser)
  | { __typename: "AccountError"; code: string; message: string; fields: FieldError[] };

export interface Right {
  code: string;
  label: string;
  /** Narrows what its holder sees (only own orders): grantable by anyone who grants rights. */
  narrowing?: boolean;
}

export const CompanyUsersQuery = gql<{
  companyUsers: CompanyUser[];
  rights: Right[];
  viewer: { user: { id: string; email: string }; permissions: string[] } | null;
}>(`
  query PortalCompanyUsers {
    companyUsers { ${COMPANY_USER} }
    rights { code label narrowing }
    viewer { user { id email } permissions }
  }
`);

export const AddCompanyUserMutation = gql<
  { addCompanyUser: CompanyUserResult },
  { i: { email: string; permissions: string[]; dealerAdmin: boolean } }
>(`
  mutation PortalAddCompanyUser($i: AddCompanyUserInput!) {
    addCompanyUser(input: $i) { __typename ... on CompanyUser { ${COMPANY_USER} } ${ERROR} }
  }
`);

export const SetCompanyUserRightsMutation = gql<
  { setCompanyUserRights: CompanyUserResult },
  { i: { membershipId: string; permissions: string[]; dealerAdmin: boolean } }
>(`
  mutation PortalSetRights($i: SetCompanyUserRightsInput!) {
    setCompanyUserRights(input: $i) { __typename ... on CompanyUser { ${COMPANY_USER} } ${ERROR} }
  }
`);

export const DetachCompanyUserMutation = gql<{ detachCompanyUser: AccountResult }, { i: { membershipId: string } }>(`
  mutation PortalDetachUser($i: DetachCompanyUserInput!) { detachCompanyUser(input: $i) { ${RESULT} } }
`);

export interface ApiKey {
  id: string;
  name: string;
  permissions: string[];
  createdAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
}
const API_KEY = "id name permissions createdAt revokedAt lastUsedAt";

export const ApiKeysQuery = gql<{
  apiKeys: ApiKey[];
  rights: Right[];
  viewer: { permissions: string[] } | null;
}>(`
  query PortalApiKeys { apiKeys { ${API_KEY} } rights { code label narrowing } viewer { permissions } }
`);

export const CreateApiKeyMutation = gql<
  {
    createApiKey:
      | { __typename: "CreatedApiKey"; key: string; apiKey: ApiKey }
      | { __typename: "AccountError"; code: string; message: string; fields: FieldError[] };
  },
  { i: { name: string; permissions: string[] } }
>(`
  mutation PortalCreateApiKey($i: CreateApiKeyInput!) {
    createApiKey(input: $i) { __typename ... on CreatedApiKey { key apiKey { ${API_KEY} } } ${ERROR} }
  }
`);

export const RevokeApiKeyMutation = gql<
  {
    revokeApiKey:
      | ({ __typename: "ApiKey" } & ApiKey)
      | { __typename: "AccountError"; code: string; message: string; fields: FieldError[] };
  },
  { id: string }
>(`
  mutation PortalRevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) { __typename ... on ApiKey { ${API_KEY} } ${ERROR} }
  }
`);

export interface AuditEvent {
  id: string;
  occurredAt: string;
  ip: string | null;
  actor: string;
  action: string;
  source: string;
  objects: { type: string; id: string; label: string | null }[];
  notifications: { channel: string; to: string; subject: string }[];
}
export const HistoryQuery = gql<
  { history: AuditEvent[] },
  { f: { action?: string | null; from?: string | null; to?: string | null; first?: number } }
>`
  query PortalHistory($f: HistoryFilter) {
    history(filter: $f) {
      id
      occurredAt
      ip
      actor
      action
      source
      objects {
        type
        id
        label
      }
      notifications {
        channel
        to
        subject
      }
    }
  }
`;

export const DealerApprovalsQuery = gql<{
  dealerApprovals: CompanyUser[];
  viewer: { user: { id: string; fullName: string } } | null;
}>(`
  query PortalDealerApprovals { dealerApprovals { ${COMPANY_USER} } viewer { user { id fullName } } }
`);

export const SetDealerStatusMutation = gql<
  { setDealerStatus: CompanyUserResult },
  { id: string; action: "approve" | "block" | "unblock" }
>(`
  mutation PortalSetDealerStatus($id: ID!, $action: DealerStatusAction!) {
    setDealerStatus(membershipId: $id, action: $action) { __typename ... on CompanyUser { ${COMPANY_USER} } ${ERROR} }
  }
`);

export const AssignManagerMutation = gql<{ assignManager: CompanyUserResult }, { id: string; manager: string }>(`
  mutation PortalAssignManager($id: ID!, $manager: ID!) {
    assignManager(membershipId: $id, managerUserId: $manager) { __typename ... on CompanyUser { ${COMPANY_USER} } ${ERROR} }
  }
`);

export interface NewDealerInput {
  email: string;
  fullName: string;
  legalName: string;
  inn: string;
  kpp: string | null;
}
export const InviteDealerMutation = gql<
  {
    inviteDealer:
      | { __typename: "DealerInvited"; membershipId: string; message: string }
      | { __typename: "AccountError"; code: string; message: string; fields: FieldError[] };
  },
  { i: NewDealerInput }
>(`
  mutation PortalInviteDealer($i: InviteDealerInput!) {
    inviteDealer(input: $i) { __typename ... on DealerInvited { membershipId message } ${ERROR} }
  }
`);

export interface OutletInput extends NewDealerInput {
  contractNumber: string;
  outletName: string;
  address: string | null;
  phone: string;
}
export const CreateOutletCabinetMutation = gql<
  {
    createOutletCabinet:
      | { __typename: "OutletCabinet"; login: string; temporaryPassword: string; membershipId: string }
      | { __typename: "AccountError"; code: string; message: string; fields: FieldError[] };
  },
  { i: OutletInput }
>(`
  mutation PortalCreateOutlet($i: CreateOutletCabinetInput!) {
    createOutletCabinet(input: $i) { __typename ... on OutletCabinet { login temporaryPassword membershipId } ${ERROR} }
  }
`);

const SESSION_FIELDS = `__typename
  ... on Session { accessToken accessTokenExpiresAt refreshToken tenant { slug } }
  ... on AuthError { code message }`;
export const SelectCounterpartyMutation = gql<{ selectCounterparty: SessionResult }, { r: string; c: string }>(`
  mutation PortalSelectCounterparty($r: String!, $c: ID!) {
    selectCounterparty(refreshToken: $r, counterpartyId: $c) { ${SESSION_FIELDS} }
  }
`);

/** Field errors by field name, for `<Field error={…}>`. */
export function fieldErrors(fields: readonly FieldError[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) out[f.field] ??= f.message;
  return out;
}

export const TenantsForRecoveryQuery = gql<{ tenants: { slug: string; name: string }[] }>`
  query PortalRecoveryTenants {
    tenants {
      slug
      name
    }
  }
`;
