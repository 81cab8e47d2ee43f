// SPDX-License-Identifier: PostgreSQL
#pragma once
// Streams `COPY ... TO STDOUT` on one connection into `COPY ... FROM STDIN` on
// another, in bounded chunks: memory stays flat whatever the table size.
#include "pg/cancel.h"

#include <cstdint>
#include <functional>
#include <string_view>

namespace mimeo::pg {

class Connection;

struct CopyStats {
    int64_t rows = 0;
    int64_t bytes = 0;
};

using CopyProgressFn = std::function<void(const CopyStats &)>;

struct CopyOptions {
    const CancelToken *cancel = nullptr; // checked between rows
    CopyProgressFn progress;             // called every progressEveryRows rows and at the end
    int64_t progressEveryRows = 10000;
    size_t chunkBytes = 128 * 1024;      // bytes gathered before one write to the destination
};

// Both statements must be complete COPY commands in the same format.
// Throws Error (side set to whichever end failed); on any failure both
// connections are left out of COPY mode, ready for ROLLBACK.
CopyStats streamCopy(Connection &from, std::string_view copyOutSql, Connection &to, std::string_view copyInSql,
                     const CopyOptions &options = {});

} // namespace mimeo::pg
