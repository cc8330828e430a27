// The main flows, one function each: { role, run(page, helpers) }. A flow audits every page
// it reaches. Flows marked noJs are repeated with JavaScript disabled by a fresh user of
// the same role, signed in through the password form in a context without JavaScript.
export const flows = {};
