// SPDX-License-Identifier: PostgreSQL
#pragma once
// How a table's last validation reads for people (jobs/validation.h): the
// monitor's Validated column (validated ✓ / N differing / error, with when),
// its tooltip, its colour, and the words for each kind of difference.
#include "jobs/validation.h"

#include <QColor>
#include <QCoreApplication>
#include <QString>
#include <QVariant>

#include <optional>

class ValidationText {
    Q_DECLARE_TR_FUNCTIONS(ValidationText)
public:
    // "validated ✓", "3 differing", "counts differ", "error"; "–" when never validated.
    static QString state(const std::optional<mimeo::jobs::Validation> &v);
    // The state with when it ran, for the column.
    static QString cell(const std::optional<mimeo::jobs::Validation> &v);
    // Which check, when, by whom, the counts, the message; several lines.
    static QString details(const mimeo::jobs::Validation &v);
    static QColor color(const mimeo::jobs::Validation &v);
    // The Validated column's cell for a role: text, tooltip, colour.
    static QVariant data(const std::optional<mimeo::jobs::Validation> &v, int role);
    // "missing on the destination", "extra on the destination", "different".
    static QString kind(const std::string &kind);
    // Why a table of this type cannot have single rows repaired, and what
    // fixes it instead; empty for updater, dml and logdel.
    static QString notRepairable(const std::string &destTable, const std::string &type);
};

// updater, dml and logdel: their rows are addressed by key.
bool repairableType(const std::string &type);
// snap and table: every refresh copies every row, so a refresh is the repair.
bool wholeCopyType(const std::string &type);
