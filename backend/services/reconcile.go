package services

import (
	"context"

	"xiaotongfu/backend/platform"
)

// ReconcileService shows the reconciliation against Allinpay's statement (对账结果, admin):
// the platform checks the role; this only passes the terminal's credentials.
type ReconcileService struct{ c *Core }

// NewReconcileService binds the reconciliation methods to c.
func NewReconcileService(c *Core) *ReconcileService { return &ReconcileService{c: c} }

// Report returns a day's reconciliation (yyyy-MM-dd; the latest when empty).
func (s *ReconcileService) Report(day string) (*platform.ReconcileReport, error) {
	return call(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) (*platform.ReconcileReport, error) {
		return api.Reconciliation(ctx, cr, day)
	})
}

// Run reconciles a day now (yesterday when empty) and returns its report.
func (s *ReconcileService) Run(day string) (*platform.ReconcileReport, error) {
	return call(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) (*platform.ReconcileReport, error) {
		return api.Reconcile(ctx, cr, day)
	})
}

// Open counts the unresolved differences (the main screen's badge).
func (s *ReconcileService) Open() (*platform.ReconcileCount, error) {
	return call(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) (*platform.ReconcileCount, error) {
		return api.ReconcileOpen(ctx, cr)
	})
}
