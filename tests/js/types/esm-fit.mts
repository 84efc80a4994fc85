// The same package seen from an ES module under node16 resolution (the
// "import" condition and its .d.mts declarations).
import { parseTicketCreated, type TicketCreated } from 'periskope-events';

const t: TicketCreated = parseTicketCreated('{}');
export const id: string = t.ticket.ticket_id;
