package posapi

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"gorm.io/gorm"
	"gorm.io/gorm/clause"

	"xiaotongfu/backend/store"
)

// DBName is the POS API's SQLite file inside the data folder.
const DBName = "posapi.db"

// Order is one payment the cashier software asked for, written to the desktop's SQLite before
// anything is charged: the POS's order number, the amount, and the current attempt. An attempt
// is one platform request id (RequestID); a new one starts only after the previous attempt's
// trade was declined or closed, so a retried request never charges twice.
type Order struct {
	OutTradeNo string `gorm:"primaryKey;size:32"`
	Amount     int64  `gorm:"not null"` // fen
	Attempt    int    `gorm:"not null"`
	CodeHash   string // sha256 of the payment code the current attempt charged; "" before
	TradeID    uint   // the current attempt's trade; 0 before the platform named one
	ErrorCode  string // why the current attempt got no trade (e.g. pay_in_flight); "" when none
	CreatedAt  time.Time
	UpdatedAt  time.Time
}

// TableName keeps the orders in pos_orders.
func (Order) TableName() string { return "pos_orders" }

// RequestID is the platform request id of the order's current attempt: derived from the
// order number, so the platform itself refuses to charge one attempt twice.
func (o *Order) RequestID() string { return requestID("pos", o.OutTradeNo, o.Attempt) }

// requestID is a platform request id (at most 40 characters) for attempt n of key.
func requestID(prefix, key string, n int) string {
	sum := sha256.Sum256([]byte(key))
	return fmt.Sprintf("%s-%s-%d", prefix, hex.EncodeToString(sum[:12]), n)
}

// hashCode is what an Order keeps of a payment code.
func hashCode(code string) string {
	sum := sha256.Sum256([]byte(code))
	return hex.EncodeToString(sum[:])
}

// Orders is the order-number → trade book in its own SQLite file.
type Orders struct{ db *gorm.DB }

// OpenOrders opens (creating it) the book at path.
func OpenOrders(path string) (*Orders, error) {
	db, err := store.OpenSQLite(path)
	if err != nil {
		return nil, err
	}
	if err := db.AutoMigrate(&Order{}); err != nil {
		_ = store.Close(db)
		return nil, fmt.Errorf("posapi: migrate %s: %w", path, err)
	}
	return &Orders{db: db}, nil
}

// Close releases the database.
func (o *Orders) Close() error { return store.Close(o.db) }

// Get returns the order numbered no; found is false when there is none.
func (o *Orders) Get(no string) (ord Order, found bool, err error) {
	err = o.db.First(&ord, "out_trade_no = ?", no).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return Order{}, false, nil
	}
	return ord, err == nil, err
}

// Create writes ord unless its number exists; created says whether it did.
func (o *Orders) Create(ord *Order) (created bool, err error) {
	res := o.db.Clauses(clause.OnConflict{DoNothing: true}).Create(ord)
	return res.RowsAffected == 1, res.Error
}

// Save writes ord's attempt, code, trade and error.
func (o *Orders) Save(ord *Order) error {
	return o.db.Model(ord).Select("Attempt", "CodeHash", "TradeID", "ErrorCode", "UpdatedAt").Updates(ord).Error
}
