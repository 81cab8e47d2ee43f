// SPDX-License-Identifier: PostgreSQL
#pragma once
// The rows one incremental run reads: exclusive or inclusive bounds on the
// control column, written once and evaluated on either server. COPY takes no
// parameters, so on the source the values travel as transaction-local
// settings read back with current_setting(); elsewhere they are parameters.
// Values are text in the server's output form and are cast to the control
// column's comparison type on the server that evaluates them.
#include "pg/connection.h"
#include "replication/incremental_control.h"

#include <string>
#include <vector>

namespace mimeo::replication::incremental {

class Window {
public:
    explicit Window(ControlColumn control) : control_(std::move(control)) {}

    void above(const std::string &value) { bounds_.push_back({">", value}); }  // control > value
    void below(const std::string &value) { bounds_.push_back({"<", value}); }  // control < value
    void upTo(const std::string &value) { bounds_.push_back({"<=", value}); }  // control <= value

    const ControlColumn &control() const { return control_; }

    // "control" > current_setting('mimeo_studio.bound_1')::type AND ... ("true" without bounds).
    std::string copyPredicate() const;
    // Sets the values copyPredicate() reads, local to conn's open transaction.
    void bindSettings(pg::Connection &conn) const;
    // The same predicate with $n parameters; appends the values to params.
    std::string paramPredicate(pg::Params &params) const;
    // "above X, below Y" for the job log.
    std::string describe() const;

private:
    struct Bound {
        std::string op;
        std::string value;
    };
    ControlColumn control_;
    std::vector<Bound> bounds_;
};

} // namespace mimeo::replication::incremental
