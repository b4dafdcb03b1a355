/** The part of the `smpp` package (farhadi/node-smpp, no bundled types) the platform uses. */
declare module "smpp" {
  import type { EventEmitter } from "node:events";
  import type { Server as NetServer } from "node:net";

  export interface Pdu {
    command: string;
    command_status: number;
    system_id?: string;
    password?: string;
    source_addr?: string;
    destination_addr?: string;
    message_id?: string;
    short_message?: { message?: string } | string;
    message_payload?: { message?: string } | string;
    response(fields?: Record<string, unknown>): Pdu;
  }

  export interface Session extends EventEmitter {
    bind_transmitter(fields: Record<string, unknown>, callback: (pdu: Pdu) => void): void;
    submit_sm(fields: Record<string, unknown>, callback: (pdu: Pdu) => void): void;
    unbind(callback?: (pdu: Pdu) => void): void;
    send(pdu: Pdu): void;
    close(callback?: () => void): void;
    destroy(callback?: () => void): void;
    pause(): void;
    resume(): void;
  }

  export interface Server extends NetServer {
    sessions: Session[];
  }

  const smpp: {
    connect(options: { url: string }, listener?: () => void): Session;
    createServer(listener: (session: Session) => void): Server;
    ESME_ROK: number;
    ESME_RBINDFAIL: number;
    ESME_RINVDSTADR: number;
  };
  export default smpp;
}
