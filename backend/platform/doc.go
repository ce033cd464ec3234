// Package platform is the merchant platform of 小通付: merchants, stores, terminals and their
// binding, cashiers, SMS codes, captchas, notices, and the trade ledger with the payment
// orchestration (persist, send, poll, close, resume). *Service implements API; the desktop
// runs it in process, and xtfd serves it over HTTP.
//
// # Trade state machine
//
// The bank's ledger is the truth; the local one converges to it without a person wherever
// that is possible, and otherwise says 待确认 (unknown) and keeps asking. A trade is written
// (created) before its request leaves, marked sent before it leaves, and only then sent, so a
// crash at any point leaves a trade that says what may have happened.
//
// States: created (written, not sent), sent (the request may be at the bank), pending (being
// queried), closing (a pay's poll window ended and a close is on its way), unknown (待确认:
// no final answer yet; the sweep keeps checking), and the final success, failed, closed and
// cancelled (a paid trade later voided in full).
//
// Actors: the cashier may stop their terminal's pay still waiting (撤销本笔, ClosePay);
// the sender is the request that wrote the trade; the driver is whoever holds the
// trade's lease (its foreground poll, a sweep of any server that took over an expired lease,
// an admin's 重新查询); the sweep fails trades nobody sent; a reversal is a successful cancel
// acting on the payment it voids.
//
// Every transition goes through one function (move) and one table (edges): an edge not in the
// table cannot be written, and each is a compare-and-set from exactly the status the actor
// read, so a trade that moved on in another goroutine or server is never overwritten. These
// are all the edges (from, to, by, why):
//
//	created  sent      sender   the request is about to leave; recorded before it does
//	created  failed    sender   marking it sent did not commit, so it was never sent
//	created  failed    sweep    still created after Poll.Unsent (≈15 s): its sender died before marking it sent
//	sent     success   sender   the first answer is a success
//	sent     failed    sender   the first answer is a final refusal, or the client refused to send it
//	sent     pending   sender   the first answer is processing or unknown: query it
//	sent     unknown   sender   the first answer contradicts the trade: a person decides
//	sent     pending   driver   a query answered processing, or nothing
//	sent     success   driver   a query found it paid
//	sent     failed    driver   a query found it finally failed
//	sent     unknown   driver   a reversal's window ended unresolved, or an answer contradicts the trade
//	sent     closing   driver   a pay's poll window ended: close it
//	pending  pending   driver   one more query without a final answer
//	pending  success   driver   a query found it paid
//	pending  failed    driver   a query found it finally failed
//	pending  unknown   driver   a reversal's window ended unresolved, or an answer contradicts the trade
//	pending  closing   driver   a pay's poll window ended: close it
//	sent     closing   cashier  the cashier stopped the payment (撤销本笔): close it now
//	pending  closing   cashier  the cashier stopped the payment (撤销本笔): close it now
//	closing  success   driver   paid before the close took effect
//	closing  closed    driver   closed, or finally failed, at the bank
//	closing  failed    driver   refused outright (v12) and the bank has no trace of it
//	closing  unknown   driver   no answer, or no trace yet: a late request could still land
//	unknown  unknown   driver   checked again without a final answer
//	unknown  success   driver   the bank now says paid
//	unknown  failed    driver   the bank now says finally failed (a reversal), or refused outright
//	unknown  closed    driver   a pay finally failed, or still no trace after the long horizon
//	success  cancelled reversal a cancel of it succeeded
//
// Why these and no others:
//   - The sweep may fail only a created trade. Sending requires created → sent to commit first,
//     and the sweep's failure requires the trade to be still created when it commits; the
//     database orders the two, so a trade is never both sent and failed as unsent, whatever
//     the delays between reading and writing.
//   - Every age that decides anything (the first-query delay, the poll window, leases, the
//     long check horizon Poll.MaxCheck) is measured on the database's clock (Options.DBClock),
//     so servers whose clocks disagree still agree about a trade. The host clock is used only
//     for order numbers, sessions and sleeping.
//   - "No such trade" is never final while a late request could still land: after the close a
//     pay with no trace becomes unknown and is checked every Poll.Sweep, then every Poll.Slow,
//     and is closed only after Poll.MaxCheck (or at once when the bank refused the request
//     outright). Its payment code stays locked all along, so it cannot be charged twice.
//   - Whoever moves a pay to closing closes it (the driver at the end of the window, the
//     cashier's 撤销本笔), holding the lease; a driver that finds its trade moved to closing by
//     someone else leaves it to them, so the bank sees one close, and if that one dies the
//     lease runs out and a sweep closes it. Paid before the close took effect stays paid.
//   - A trade unresolved after every rule stays unknown and keeps its payment code and any
//     refund reservation; a person can ask again at once (RecheckTrade).
//
// # Shift handover (交接班)
//
// A handover closes the shift of one cashier on one terminal (Handover). Its shift is not a
// time window but the trades of that cashier and terminal that no handover has reported yet
// (trades.handover_id is NULL): the handover counts those that are final (success, cancelled,
// failed, closed) and claims them by setting their handover_id, in the same transaction that
// inserts the handover row. A trade still open (待确认, 支付中) is named in the handover's Open
// list, not counted and not claimed; the first handover after it settles counts it and names
// it in Late. A trade is claimed once (the claim requires handover_id IS NULL), so it is
// reported by exactly one handover, whenever it settles. From is the previous handover's To
// (or the cashier's first unreported trade there), To the database's clock.
//
// Handovers are only inserted, never updated. The unique key (terminal, cashier, seq) lets one
// of two concurrent handovers write seq n; the other rolls back and starts again as seq n+1
// from the first one's To, so concurrent handovers chain without overlap.
//
// # Reconciliation (对账)
//
// A reconciler (reconcile*.go, composed by Service) fetches a merchant's daily statement
// through gateway.Provider.Statement, matches it both ways against the day's trades by trxid or
// reqsn and amount, has the normal state machine query every unknown trade a difference names
// (checkNow, as RecheckTrade does), and stores each remaining difference with its kind for the
// admin. Start runs it in the background when Options.Reconcile.Enabled. See
// docs/reconciliation.md.
package platform
