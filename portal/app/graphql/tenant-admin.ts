import { gql } from "@urql/core";
import type { Branding } from "./types.ts";

/** The tenant admin's configuration pages and the platform admin's tenants (decision 0018). */

/** A tenant definition as JSON (packages/tenant TenantDefinition); pages change the parts they show. */
export type Definition = Record<string, unknown> & {
  slug: string;
  name: string;
  branding: Branding;
  // biome-ignore lint/suspicious/noExplicitAny: the definition is edited path by path (lib/tenant-admin.server.ts)
  features: Record<string, any>;
  // biome-ignore lint/suspicious/noExplicitAny: as above
  pricing: Record<string, any>;
  // biome-ignore lint/suspicious/noExplicitAny: as above
  finance?: Record<string, any>;
  documentTypes: { code: string; label: string; formats: string[]; availableAt: string[] }[];
};

export interface ConfigVersion {
  version: number;
  createdAt: string;
  author: string | null;
  comment: string | null;
  changes: string[];
}

export interface DefinitionProblem {
  path: string;
  message: string;
}

export type SaveResult =
  | { __typename: "TenantConfigSaved"; version: number; changed: boolean }
  | { __typename: "TenantConfigInvalid"; code: string; message: string; problems: DefinitionProblem[] };

export const TenantConfigurationQuery = gql<
  {
    tenantConfiguration: { version: number; definition: Definition; versions: ConfigVersion[] };
    orderWorkflow: { statuses: { code: string; label: string; color: string }[] };
  },
  Record<string, never>
>(`
  query PortalTenantConfiguration {
    tenantConfiguration { version definition versions { version createdAt author comment changes } }
    orderWorkflow { statuses { code label color } }
  }
`);

const INVALID = `... on TenantConfigInvalid { code message problems { path message } }`;

export const SaveTenantConfigurationMutation = gql<
  { saveTenantConfiguration: SaveResult },
  { definition: Definition; comment: string | null; logoBase64: string | null }
>(`
  mutation PortalSaveTenantConfiguration($definition: JSON!, $comment: String, $logoBase64: String) {
    saveTenantConfiguration(definition: $definition, comment: $comment, logoBase64: $logoBase64) {
      __typename
      ... on TenantConfigSaved { version changed }
      ${INVALID}
    }
  }
`);

export interface PlatformTenant {
  id: string;
  slug: string;
  name: string;
  registrationMode: string;
  branding: Branding;
}

export const PlatformTenantsQuery = gql<{ platformTenants: PlatformTenant[] }, Record<string, never>>(`
  query PortalPlatformTenants {
    platformTenants { id slug name registrationMode branding { primary onPrimary accent logoSvg } }
  }
`);

export interface CreateTenantInput {
  slug: string;
  name: string;
  legalName: string;
  inn: string;
  primary: string;
  onPrimary: string;
  accent: string;
  adminEmail: string;
}

export const CreateTenantMutation = gql<
  {
    createTenant:
      | { __typename: "TenantCreated"; adminEmail: string; tenant: { slug: string; name: string } }
      | Extract<SaveResult, { __typename: "TenantConfigInvalid" }>;
  },
  { input: CreateTenantInput }
>(`
  mutation PortalCreateTenant($input: CreateTenantInput!) {
    createTenant(input: $input) {
      __typename
      ... on TenantCreated { adminEmail tenant { slug name } }
      ${INVALID}
    }
  }
`);
