package platform

import (
	"context"
	"errors"

	"gorm.io/gorm"

	"xiaotongfu/backend/domain"
	"xiaotongfu/backend/store"
)

// Notice list sizes: the main screen shows a few, the notice page up to maxNotices.
const (
	defaultNotices = 20
	maxNotices     = 100
)

// noticeRow is a notice joined with the caller's read mark.
type noticeRow struct {
	store.Notice
	IsRead bool
}

// visibleNotices selects the published notices for all merchants or for m, with read marks.
func (s *Service) visibleNotices(ctx context.Context, c *Caller) *gorm.DB {
	return s.db.WithContext(ctx).Table("notices").
		Select("notices.*, notice_reads.cashier_id IS NOT NULL AS is_read").
		Joins("LEFT JOIN notice_reads ON notice_reads.notice_id = notices.id AND notice_reads.cashier_id = ?", c.Cashier.ID).
		Where("(notices.merchant_id IS NULL OR notices.merchant_id = ?) AND notices.published_at <= ?", c.Merchant.ID, s.now())
}

// ListNotices lists announcements newest first with unread marks (manual §7). limit ≤ 0
// means 20; at most 100. Bodies are left out; ReadNotice returns one in full.
func (s *Service) ListNotices(ctx context.Context, creds Creds, limit int) ([]Notice, error) {
	c, err := s.caller(ctx, creds)
	if err != nil {
		return nil, err
	}
	if limit <= 0 {
		limit = defaultNotices
	}
	limit = min(limit, maxNotices)
	var rows []noticeRow
	err = s.visibleNotices(ctx, c).Order("notices.published_at DESC, notices.id DESC").Limit(limit).Scan(&rows).Error
	if err != nil {
		return nil, s.internal("list notices", err)
	}
	out := make([]Notice, 0, len(rows))
	for _, r := range rows {
		out = append(out, Notice{ID: r.ID, Title: r.Title, PublishedAt: r.PublishedAt, Read: r.IsRead})
	}
	return out, nil
}

// ReadNotice returns one announcement in full and marks it read for the caller.
func (s *Service) ReadNotice(ctx context.Context, creds Creds, id uint) (*Notice, error) {
	c, err := s.caller(ctx, creds)
	if err != nil {
		return nil, err
	}
	var n store.Notice
	err = s.visibleNotices(ctx, c).Where("notices.id = ?", id).Take(&n).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, domain.Errorf(domain.CodeNotFound, "公告不存在或已撤下")
	}
	if err != nil {
		return nil, s.internal("load notice", err)
	}
	mark := store.NoticeRead{NoticeID: n.ID, CashierID: c.Cashier.ID, ReadAt: s.now()}
	err = s.db.WithContext(ctx).Where("notice_id = ? AND cashier_id = ?", n.ID, c.Cashier.ID).
		FirstOrCreate(&mark).Error
	if err != nil && !errors.Is(err, gorm.ErrDuplicatedKey) {
		return nil, s.internal("mark notice read", err)
	}
	return &Notice{ID: n.ID, Title: n.Title, Body: n.Body, PublishedAt: n.PublishedAt, Read: true}, nil
}
