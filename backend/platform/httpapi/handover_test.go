package httpapi_test

import (
	"context"
	"testing"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/platform"
)

// TestHandoverOverHTTP: handover/preview, handover and handovers/list through the client:
// the sums of the cashier's shift in fen, the chain, and who sees which handover.
func TestHandoverOverHTTP(t *testing.T) {
	e := newEnv(t)
	ctx := context.Background()
	_, admin, cashier := e.adminAndCashier(t)
	paid, err := e.api.Pay(ctx, cashier, platform.PayInput{Amount: 1234, AuthCode: wechatOK, Source: "manual"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.api.Refund(ctx, cashier, platform.ReverseInput{TradeNo: paid.ReqSN, Amount: 234, AdminPassword: ownerPassword}); err != nil {
		t.Fatal(err)
	}
	if _, err := e.api.Pay(ctx, admin, platform.PayInput{Amount: 99, AuthCode: alipayOK, Source: "manual"}); err != nil {
		t.Fatal(err)
	}
	pre, err := e.api.HandoverPreview(ctx, cashier)
	if err != nil || pre.No != "" || pre.Sums.PayAmount != 1234 || pre.Sums.RefundAmount != 234 || pre.Sums.NetAmount != 1000 {
		t.Fatalf("preview %+v, %v", pre, err)
	}
	h, err := e.api.Handover(ctx, cashier)
	if err != nil || h.No == "" || h.Seq != 1 || h.Cashier != "02" || h.Sums.NetAmount != 1000 || h.StoreName != e.stores[0].Name ||
		len(h.Sums.ByChannel) != 1 || h.Sums.ByChannel[0].Channel != "wechat" {
		t.Fatalf("handover %+v, %v", h, err)
	}
	next, err := e.api.HandoverPreview(ctx, cashier)
	if err != nil || next.Seq != 2 || next.Sums.PayCount != 0 || !next.From.Equal(h.To) {
		t.Fatalf("after the handover the preview is %+v, %v; want an empty shift from %v", next, err, h.To)
	}
	ha, err := e.api.Handover(ctx, admin)
	if err != nil || ha.Sums.PayAmount != 99 {
		t.Fatalf("admin handover %+v, %v", ha, err)
	}
	mine, err := e.api.Handovers(ctx, cashier, platform.HandoverFilter{})
	if err != nil || mine.Total != 1 || mine.Handovers[0].No != h.No || mine.Handovers[0].Sums.RefundAmount != 234 {
		t.Fatalf("cashier's list %+v, %v", mine, err)
	}
	_, err = e.api.Handovers(ctx, cashier, platform.HandoverFilter{Account: domain.AdminAccount})
	wantCode(t, err, domain.CodeForbidden)
	all, err := e.api.Handovers(ctx, admin, platform.HandoverFilter{})
	if err != nil || all.Total != 2 || all.Handovers[0].No != ha.No {
		t.Fatalf("admin's list %+v, %v", all, err)
	}
	_, err = e.api.Handover(ctx, platform.Creds{TerminalToken: cashier.TerminalToken})
	wantCode(t, err, domain.CodeUnauthenticated)
}
