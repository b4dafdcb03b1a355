import { gql } from "@urql/core";
import type { Branding, SessionResult } from "./types.ts";

export const TenantsQuery = gql<{
  tenants: {
    id: string;
    slug: string;
    name: string;
    description: string;
    branding: Branding;
    registrationMode: string;
  }[];
}>`
  query PortalTenants {
    tenants {
      id
      slug
      name
      description
      registrationMode
      branding {
        primary
        onPrimary
        accent
        logoSvg
      }
    }
  }
`;

const SESSION_FIELDS = `
  __typename
  ... on Session {
    accessToken
    accessTokenExpiresAt
    refreshToken
    tenant {
      slug
    }
  }
  ... on AuthError {
    code
    message
  }
`;

export const LoginMutation = gql<
  { login: SessionResult },
  { input: { email: string; password: string; tenantSlug?: string | null } }
>(`
  mutation PortalLogin($input: LoginInput!) {
    login(input: $input) {${SESSION_FIELDS}}
  }
`);

export const RefreshSessionMutation = gql<{ refreshSession: SessionResult }, { r: string }>(`
  mutation PortalRefreshSession($r: String!) {
    refreshSession(refreshToken: $r) {${SESSION_FIELDS}}
  }
`);

export const SwitchTenantMutation = gql<{ switchTenant: SessionResult }, { s: string }>(`
  mutation PortalSwitchTenant($s: String!) {
    switchTenant(tenantSlug: $s) {${SESSION_FIELDS}}
  }
`);

export const LogoutMutation = gql<{ logout: boolean }, { r: string }>`
  mutation PortalLogout($r: String!) {
    logout(refreshToken: $r)
  }
`;

export interface Viewer {
  user: { id: string; email: string; fullName: string };
  tenant: {
    id: string;
    slug: string;
    name: string;
    branding: Branding;
    registrationMode: string;
    distributorNetwork: boolean;
    /** Catalog: managers send presentations (features.presentations). */
    presentationsEnabled: boolean;
    /** Identity: dealers and managers correspond in feedback tickets (features.feedbackTickets). */
    feedbackTickets: boolean;
  };
  company: { id: string; name: string } | null;
  roles: string[];
  permissions: string[];
  /** active or view_only */
  status: string;
  mustChangePassword: boolean;
  counterparty: { id: string; name: string; inn: string } | null;
  counterparties: { id: string; name: string; inn: string }[];
  memberships: {
    tenant: { slug: string; name: string; branding: Pick<Branding, "primary" | "onPrimary"> };
    company: { name: string } | null;
    role: string;
  }[];
}

export const ViewerQuery = gql<{ viewer: Viewer | null }>`
  query PortalViewer {
    viewer {
      user {
        id
        email
        fullName
      }
      tenant {
        id
        slug
        name
        registrationMode
        distributorNetwork
        presentationsEnabled
        feedbackTickets
        branding {
          primary
          onPrimary
          accent
          logoSvg
        }
      }
      company {
        id
        name
      }
      roles
      permissions
      status
      mustChangePassword
      counterparty {
        id
        name
        inn
      }
      counterparties {
        id
        name
        inn
      }
      memberships {
        tenant {
          slug
          name
          branding {
            primary
            onPrimary
          }
        }
        company {
          name
        }
        role
      }
    }
  }
`;
