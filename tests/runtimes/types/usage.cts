// The same package from CommonJS under node16 resolution (the `require`
// condition and index.d.cts).
import pkg = require('periskope-events');

const schema: pkg.PeriskopeStandardSchema<pkg.TicketCreatedInput, pkg.TicketCreated> = pkg.ticketCreatedSchema;
const t: pkg.TicketCreated = pkg.parseTicketCreated('{}');
export = { schema, t };
