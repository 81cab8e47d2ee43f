// SPDX-License-Identifier: PostgreSQL
#pragma once
// What an incremental run asks the source, inside the one REPEATABLE READ
// transaction whose snapshot the COPY also reads: where the window ends, and
// where a batch limit may cut it without splitting a group of rows that share
// one control value.
#include "replication/incremental_window.h"
#include "replication/source_relation.h"

#include <cstdint>
#include <optional>
#include <string>

namespace mimeo::pg {
class Connection;
}

namespace mimeo::replication::incremental {

// The BEGIN of the source transaction every query of a run shares.
inline constexpr const char *kSourceSnapshotBegin = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

// Output formats both servers read back the same way (inside a transaction).
void setValueFormats(pg::Connection &conn);

// The exclusive upper end of the window, as text:
//   time:   the source's now() minus the boundary (the clock that stamps the
//           rows, not the destination's as mimeo used);
//   serial: max(control) of the whole source minus the boundary, in bigint
//           (mimeo kept it in an int); nullopt when the source is empty.
std::optional<std::string> upperBound(pg::Connection &src, const SourceRelation &rel, const ControlColumn &control,
                                      const std::string &boundary);

// The highest control value of the source rows below `top`, the condition
// aside (a run that read up to top looked at every one of them); nullopt
// when there is no such row.
std::optional<std::string> highestBelow(pg::Connection &src, const SourceRelation &rel, const ControlColumn &control,
                                        const std::string &top);

// The source's clock, for the lower bound of a time table made without data.
std::string sourceNow(pg::Connection &src);

struct BatchCut {
    enum class Kind { None, Below, UpTo } kind = Kind::None;
    std::string value;
    bool oversizeGroup = false; // the first group alone exceeds the limit: it is read whole
};

// Where to stop so that at most `limit` rows are read and no group of equal
// control values is split: the rows up to the limit-th one when the next row
// has a higher value, else the rows below the limit-th one's value. When
// every one of the first `limit` rows has the same value (mimeo stopped for
// good there, "inconsistent state"), that whole group is read.
BatchCut batchCut(pg::Connection &src, const SourceRelation &rel, const std::optional<std::string> &condition,
                  const Window &window, int64_t limit);

} // namespace mimeo::replication::incremental
