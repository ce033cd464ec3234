package desktop

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"regexp"
)

// MachineName is the file in the data folder that names this PC to the platform.
const MachineName = "machine.json"

// machineFile is MachineName's content: a random id, and the binding of that id to this PC
// and this data folder (a hash of the system's machine id and the folder's path), so a data
// folder copied to another PC (or another folder) is noticed and gets an id of its own.
type machineFile struct {
	ID   string `json:"id"`
	Bind string `json:"bind"`
}

var reMachineID = regexp.MustCompile(`^[0-9a-f]{32}$`)

// MachineID returns the id that names this PC and data folder to the platform at
// initialisation (platform.API.CompleteInit), so the same PC initialised again keeps its
// terminal. It is created on first use and kept in MachineName. A missing or unreadable file,
// or one whose binding is another PC's or folder's (a copied data folder), gets a new id:
// that PC becomes a new terminal at its next initialisation rather than taking over another
// PC's. It returns "" only when no random id can be made.
func MachineID(dir string, log *slog.Logger) string {
	path := filepath.Join(dir, MachineName)
	bind := machineBinding(dir)
	var f machineFile
	b, err := os.ReadFile(path)
	switch {
	case err == nil && json.Unmarshal(b, &f) == nil && reMachineID.MatchString(f.ID) && f.Bind == bind:
		return f.ID
	case errors.Is(err, fs.ErrNotExist):
		log.Info("machine id: none yet, creating one")
	case err != nil:
		log.Warn("machine id: unreadable, creating a new one", "err", err)
	case f.Bind != "" && f.Bind != bind && reMachineID.MatchString(f.ID):
		log.Warn("machine id: the data folder was copied from another PC or folder; this one gets its own id")
	default:
		log.Warn("machine id: file damaged, creating a new one")
	}
	raw := make([]byte, 16)
	if _, err := rand.Read(raw); err != nil {
		log.Error("machine id: no randomness", "err", err)
		return ""
	}
	f = machineFile{ID: hex.EncodeToString(raw), Bind: bind}
	out, _ := json.MarshalIndent(f, "", "  ")
	if err := writePrivate(path, append(out, '\n')); err != nil {
		// The id still names this run; the next start makes another one.
		log.Error("machine id: cannot save", "err", err)
	}
	return f.ID
}

// machineBinding hashes the system's machine id (systemMachineID; the host name when there is
// none) with the data folder's absolute path.
func machineBinding(dir string) string {
	host := systemMachineID()
	if host == "" {
		host, _ = os.Hostname()
	}
	if abs, err := filepath.Abs(dir); err == nil {
		dir = abs
	}
	sum := sha256.Sum256([]byte("xtf-machine\n" + host + "\n" + dir))
	return hex.EncodeToString(sum[:])
}
