// SPDX-License-Identifier: PostgreSQL
#pragma once
// The names mimeo gives the source objects of a dml/logdel replication:
// queue table <schema>_<table>_q, trigger function <schema>_<table>_mimeo_queue
// and trigger <schema>_<table>_mimeo_trig, with a two-digit slot number
// (01..99) appended for the second and later destinations of one source
// table, each name cut to fit 63 characters as check_name_length() does.
#include "pg/quote.h"

#include <optional>
#include <string>

namespace mimeo::replication::queue {

inline constexpr int kMaxSlot = 99; // base name + 99 numbered ones, as mimeo

// check_name_length(name, suffix): name cut so that name + suffix fits.
// Counted in bytes and cut on a character boundary, so the server never
// shortens the result and the suffix survives (mimeo counted characters,
// bug 9.2 #20).
std::string lengthChecked(const std::string &name, const std::string &suffix);

// What mimeo 1.5.1 itself produces for the same input: cut by characters,
// then by the server to 63 bytes. Equal to lengthChecked() for ASCII names;
// needed to find objects the extension made for multibyte names.
std::string mimeoLengthChecked(const std::string &name, const std::string &suffix);

// "" for slot 0, "01".."99" otherwise.
std::string slotSuffix(int slot);

struct ObjectNames {
    std::string queue;    // table in the queue schema
    std::string function; // trigger function in the queue schema
    std::string trigger;  // trigger on the source table
};

// Names for a source table and slot; mimeoRule picks mimeoLengthChecked().
ObjectNames objectNames(const pg::QualifiedName &source, int slot, bool mimeoRule = false);

// The slot whose queue name (by either rule) is queueName, if any.
std::optional<int> slotOfQueue(const pg::QualifiedName &source, const std::string &queueName);

// The catalog's control value for a queue: "<queue schema>.<queue table>".
std::string controlText(const std::string &queueSchema, const std::string &queueTable);

} // namespace mimeo::replication::queue
