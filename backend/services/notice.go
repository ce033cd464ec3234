package services

import (
	"context"

	"xiaotongfu/backend/platform"
)

// NoticeService lists announcements (manual §7).
type NoticeService struct{ c *Core }

// NewNoticeService binds the notice methods to c.
func NewNoticeService(c *Core) *NoticeService { return &NoticeService{c: c} }

// List returns the newest limit notices.
func (s *NoticeService) List(limit int) ([]platform.Notice, error) {
	return call(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) ([]platform.Notice, error) {
		return api.ListNotices(ctx, cr, limit)
	})
}

// Read returns one notice with its body and marks it read.
func (s *NoticeService) Read(id uint) (*platform.Notice, error) {
	return call(s.c, func(ctx context.Context, api platform.API, cr platform.Creds) (*platform.Notice, error) {
		return api.ReadNotice(ctx, cr, id)
	})
}
