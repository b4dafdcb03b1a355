/** Hand-written result types of the operations in this folder (the gateway's schema, by name). */
export interface Money {
  amount: number;
  currency: string;
}

export interface Branding {
  primary: string;
  onPrimary: string;
  accent: string;
  logoSvg: string;
}

export type SessionResult =
  | {
      __typename: "Session";
      accessToken: string;
      accessTokenExpiresAt: string;
      refreshToken: string;
      tenant: { slug: string };
    }
  | { __typename: "AuthError"; code: string; message: string };

export type OrderError = { __typename: "OrderError"; code: string; message: string };
