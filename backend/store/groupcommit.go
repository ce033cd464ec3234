package store

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"

	"gorm.io/gorm"
)

// Committer runs the write transactions of concurrent callers together, in one database
// transaction and one commit (one fsync on SQLite), each in a savepoint of its own: an op
// that fails rolls back alone and reports its own error, the others commit. Do returns only
// once the transaction holding the op has committed (or failed), so an acknowledged write is
// as durable as a transaction of its own; callers wait at most one commit longer.
//
// Batching needs no timer: the first caller to find nobody committing leads a batch of one;
// callers that arrive while a batch commits form the next one, led by a goroutine. On a
// single writer (SQLite) this turns N commits waiting for the write lock into one.
type Committer struct {
	db    *gorm.DB
	group bool

	mu      sync.Mutex
	queue   []*commitOp
	running bool

	batches, ops atomic.Int64
}

type commitOp struct {
	fn   func(tx *gorm.DB) error
	done chan error
}

// NewCommitter returns a Committer on db; with group false every Do is a transaction of its
// own (the plain behaviour, for databases that group commits themselves).
func NewCommitter(db *gorm.DB, group bool) *Committer {
	return &Committer{db: db, group: group}
}

// Do runs fn in a transaction (shared with concurrent callers when grouping) and returns fn's
// error, or the commit's. fn must do nothing but database work on tx: it may run on another
// goroutine, and its effects count only when Do returns nil. ctx is used when fn runs in a
// transaction of its own; a grouped op runs to its commit regardless of any one caller's ctx,
// so that no caller's write is cut short by another's cancellation.
func (c *Committer) Do(ctx context.Context, fn func(tx *gorm.DB) error) error {
	if !c.group {
		c.batches.Add(1)
		c.ops.Add(1)
		return c.db.WithContext(ctx).Transaction(fn)
	}
	op := &commitOp{fn: fn, done: make(chan error, 1)}
	c.mu.Lock()
	c.queue = append(c.queue, op)
	lead := !c.running
	c.running = true
	c.mu.Unlock()
	if lead {
		c.lead(context.WithoutCancel(ctx))
	}
	return <-op.done
}

// Stats reports how many transactions committed how many ops (batching when ops > batches).
func (c *Committer) Stats() (batches, ops int64) { return c.batches.Load(), c.ops.Load() }

// lead commits the queued ops as one batch, then hands the ops queued meanwhile to a new
// leader goroutine, so the caller that led returns after its own commit.
func (c *Committer) lead(ctx context.Context) {
	c.mu.Lock()
	batch := c.queue
	c.queue = nil
	c.mu.Unlock()
	c.commit(ctx, batch)
	c.mu.Lock()
	more := len(c.queue) > 0
	c.running = more
	c.mu.Unlock()
	if more {
		go c.lead(ctx)
	}
}

// commit runs batch in one transaction, each op in its own savepoint, and tells each op its
// result once the transaction has ended.
func (c *Committer) commit(ctx context.Context, batch []*commitOp) {
	c.batches.Add(1)
	c.ops.Add(int64(len(batch)))
	errs := make([]error, len(batch))
	err := c.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		for i, op := range batch {
			sp := fmt.Sprintf("op%d", i)
			if err := tx.SavePoint(sp).Error; err != nil {
				return err
			}
			if errs[i] = run(op.fn, tx); errs[i] != nil {
				if err := tx.RollbackTo(sp).Error; err != nil {
					return err
				}
			}
		}
		return nil
	})
	for i, op := range batch {
		if err != nil {
			op.done <- err
		} else {
			op.done <- errs[i]
		}
	}
}

// run calls fn, turning a panic into its error so one op cannot strand the others.
func run(fn func(tx *gorm.DB) error, tx *gorm.DB) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("store: write panicked: %v", p)
		}
	}()
	return fn(tx)
}
