// SPDX-License-Identifier: PostgreSQL
#include "replication/queue_source_objects.h"

#include "pg/connection.h"
#include "pg/error.h"

#include <cctype>
#include <set>

namespace mimeo::replication::queue {
namespace {

using pg::quoteIdent;

std::string qualified(const std::string &schema, const std::string &name) { return quoteIdent(schema) + "." + quoteIdent(name); }

// NEW."a", NEW."b"
std::string recordFields(const char *record, const std::vector<Column> &cols)
{
    std::string out;
    for (const auto &c : cols)
        out += (out.empty() ? "" : ", ") + std::string(record) + "." + quoteIdent(c.name);
    return out;
}

// A dollar-quote tag that does not occur in the body (column names could hold "$mimeo$").
std::string dollarTag(const std::string &body)
{
    std::string tag = "$mimeo$";
    for (int n = 1; body.find(tag) != std::string::npos; ++n)
        tag = "$mimeo" + std::to_string(n) + "$";
    return tag;
}

// The function runs with its owner's rights, so it must queue only for its
// own table: attached to any other (by anyone who could), it would let that
// table's writer queue forged keys the next refresh copies to the
// destination. The table's oid decides, an integer comparison that costs
// nothing per row; its name too, so a dump restored elsewhere (new oid)
// keeps working, while a renamed table keeps its oid.
std::string ownTableCheck(const QueueDefinition &def)
{
    const std::string schema = pg::quoteLiteral(def.source.schema) + "::pg_catalog.name";
    const std::string name = pg::quoteLiteral(def.source.name) + "::pg_catalog.name";
    return "    IF TG_RELID OPERATOR(pg_catalog.<>) " + std::to_string(def.sourceOid) + "::pg_catalog.oid\n"
           "       AND (TG_TABLE_SCHEMA OPERATOR(pg_catalog.<>) " + schema + " OR TG_TABLE_NAME OPERATOR(pg_catalog.<>) " + name + ") THEN\n"
           "        RAISE EXCEPTION 'mimeo queue trigger function for % fired on %.%: it queues only for its own table',\n"
           "            " + pg::quoteLiteral(def.source.catalogText()) + ", TG_TABLE_SCHEMA, TG_TABLE_NAME\n"
           "            USING ERRCODE = 'insufficient_privilege';\n"
           "    END IF;\n";
}

std::string functionBody(const QueueDefinition &def, const std::string &queue)
{
    const std::string insertKey = "INSERT INTO " + queue + " (" + columnList(def.keys) + ") VALUES (";
    const std::string newKey = insertKey + recordFields("NEW", def.keys) + ");\n";
    const std::string oldKey = insertKey + recordFields("OLD", def.keys) + ");\n";
    std::string b;
    if (def.logdel) {
        b += "DECLARE\n"
             "    v_del_time timestamptz := pg_catalog.clock_timestamp();\n"
             "    mimeo_row " + queue + ";\n";
    }
    b += "BEGIN\n" + ownTableCheck(def) +
         "    IF TG_OP = 'INSERT' THEN\n"
         "        " + newKey +
         "    ELSIF TG_OP = 'UPDATE' THEN\n"
         "        " + newKey +
         // A changed key: the old key has to go away on the destination too.
         // Compared by binary image, which needs no operator of the key's type
         // (and so nothing a search_path could substitute).
         "        IF pg_catalog.record_image_ne(ROW(" + recordFields("NEW", def.keys) + "), ROW(" + recordFields("OLD", def.keys) + ")) THEN\n"
         "            " + oldKey +
         "        END IF;\n"
         "    ELSIF TG_OP = 'DELETE' THEN\n";
    if (def.logdel) {
        // Every column the queue has, taken from OLD by name: a column added
        // to or dropped from the source later never makes deletes on it fail
        // (mimeo listed the columns, bug 9.2 #22). json keeps json values as
        // they were written.
        b += "        mimeo_row := pg_catalog.json_populate_record(NULL::" + queue + ", pg_catalog.to_json(OLD));\n"
             "        mimeo_row.mimeo_source_deleted := v_del_time;\n"
             "        mimeo_row.processed := NULL;\n"
             "        INSERT INTO " + queue + " VALUES (mimeo_row.*);\n";
    } else {
        b += "        " + oldKey;
    }
    b += "    END IF;\n"
         "    RETURN NULL;\n"
         "END\n";
    return b;
}

struct TakenNames {
    std::set<std::string> relations; // in the queue schema
    std::set<std::string> functions;  // in the queue schema
    std::set<std::string> triggers;   // on the source table
};

TakenNames takenNames(pg::Connection &src, const QueueDefinition &def)
{
    TakenNames t;
    auto r = src.exec("SELECT c.relname FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                      "WHERE n.nspname = $1",
                      {def.queueSchema});
    for (int i = 0; i < r.rows(); ++i)
        t.relations.insert(r.text(i, 0));
    r = src.exec("SELECT p.proname FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace "
                 "WHERE n.nspname = $1",
                 {def.queueSchema});
    for (int i = 0; i < r.rows(); ++i)
        t.functions.insert(r.text(i, 0));
    r = src.exec("SELECT t.tgname FROM pg_catalog.pg_trigger t JOIN pg_catalog.pg_class c ON c.oid = t.tgrelid "
                 "JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2",
                 {def.source.schema, def.source.name});
    for (int i = 0; i < r.rows(); ++i)
        t.triggers.insert(r.text(i, 0));
    return t;
}

bool slotFree(const TakenNames &t, const pg::QualifiedName &source, int slot)
{
    for (bool mimeoRule : {false, true}) {
        const auto n = objectNames(source, slot, mimeoRule);
        if (t.relations.count(n.queue) || t.functions.count(n.function) || t.triggers.count(n.trigger))
            return false;
    }
    return true;
}

bool isDuplicateObject(const pg::Error &e)
{
    // duplicate_table, duplicate_function, duplicate_object: another maker took the slot meanwhile
    return e.sqlstate() == "42P07" || e.sqlstate() == "42723" || e.sqlstate() == "42710";
}

bool isIdentifierChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$' || static_cast<unsigned char>(c) >= 0x80;
}

// src_t_q is in src_t_q01's bodies too: a match must not be part of a longer name.
bool namesQueue(const std::string &body, const std::string &queueName)
{
    if (body.find(quoteIdent(queueName)) != std::string::npos)
        return true;
    for (size_t pos = body.find(queueName); pos != std::string::npos; pos = body.find(queueName, pos + 1)) {
        const size_t end = pos + queueName.size();
        const bool startOk = pos == 0 || !isIdentifierChar(body[pos - 1]) || body[pos - 1] == '.';
        const bool endOk = end >= body.size() || !isIdentifierChar(body[end]);
        if (startOk && endOk)
            return true;
    }
    return false;
}

void findByFunctionBody(pg::Connection &src, const std::string &tableOid, const pg::QualifiedName &queue, ExistingQueue &out)
{
    auto r = src.exec("SELECT t.tgname, p.proname, p.prosrc FROM pg_catalog.pg_trigger t "
                      "JOIN pg_catalog.pg_proc p ON p.oid = t.tgfoid JOIN pg_catalog.pg_namespace n ON n.oid = p.pronamespace "
                      "WHERE t.tgrelid = $1::oid AND NOT t.tgisinternal AND n.nspname = $2",
                      {tableOid, queue.schema});
    for (int i = 0; i < r.rows(); ++i) {
        if (namesQueue(r.text(i, 2), queue.name)) {
            out.trigger = r.text(i, 0);
            out.function = r.text(i, 1);
            return;
        }
    }
}

} // namespace

bool bodyNames(const std::string &body, const std::string &queueName) { return namesQueue(body, queueName); }

std::string enableAlwaysStatement(const pg::QualifiedName &source, const std::string &trigger)
{
    return "ALTER TABLE " + source.quoted() + " ENABLE ALWAYS TRIGGER " + quoteIdent(trigger);
}

std::string createTriggerStatement(const pg::QualifiedName &source, const std::string &queueSchema, const ObjectNames &names,
                                   const std::vector<std::string> &updateOf)
{
    std::string trigger = "CREATE TRIGGER " + quoteIdent(names.trigger) + " AFTER INSERT OR DELETE OR UPDATE";
    if (!updateOf.empty())
        trigger += " OF " + pg::quoteIdentList(updateOf);
    return trigger + " ON " + source.quoted() + " FOR EACH ROW EXECUTE PROCEDURE " + qualified(queueSchema, names.function) + "()";
}

std::vector<std::string> creationStatements(const QueueDefinition &def, const ObjectNames &names, bool firesAlways)
{
    const std::string queue = qualified(def.queueSchema, names.queue);
    const std::string function = qualified(def.queueSchema, names.function);
    std::vector<std::string> out;
    if (def.logdel) {
        out.push_back("CREATE TABLE " + queue + " (" + columnDefinitions(def.columns)
                      + ", mimeo_source_deleted timestamptz, processed boolean)");
        out.push_back("CREATE INDEX ON " + queue + " (" + columnList(def.keys) + ")");
        out.push_back("CREATE INDEX ON " + queue + " (processed, mimeo_source_deleted)");
    } else {
        out.push_back("CREATE TABLE " + queue + " (" + columnDefinitions(def.keys) + ", processed boolean)");
        out.push_back("CREATE INDEX ON " + queue + " (" + columnList(def.keys) + ")");
    }
    if (!def.ownerComment.empty())
        out.push_back("COMMENT ON TABLE " + queue + " IS " + pg::quoteLiteral(def.ownerComment));
    // SECURITY DEFINER so that anyone who may write the source table can
    // queue, without privileges on the queue (mimeo's reason); a fixed
    // search_path and qualified names so that no writer can make it run
    // objects of theirs.
    const std::string body = functionBody(def, queue);
    const std::string tag = dollarTag(body);
    out.push_back("CREATE FUNCTION " + function
                  + "() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS " + tag
                  + "\n" + body + tag);
    // CREATE TRIGGER needs EXECUTE on the function; firing does not. Without
    // it for PUBLIC nobody but its owner can attach it to another table.
    out.push_back("REVOKE EXECUTE ON FUNCTION " + function + "() FROM PUBLIC");
    out.push_back(createTriggerStatement(def.source, def.queueSchema, names, def.updateOf));
    if (firesAlways)
        out.push_back(enableAlwaysStatement(def.source, names.trigger));
    return out;
}

CreatedQueue createQueueObjects(pg::Connection &src, const QueueDefinition &def, const std::vector<std::string> &removeFirst)
{
    for (int attempt = 0;; ++attempt) {
        pg::Transaction tx(src);
        for (const auto &sql : removeFirst)
            src.exec(sql);
        const auto taken = takenNames(src, def);
        int slot = 0;
        while (slot <= kMaxSlot && !slotFree(taken, def.source, slot))
            ++slot;
        if (slot > kMaxSlot)
            throw pg::Error::usage("Limit of 99 queue tables for a single source table reached. No more destination tables "
                                   "possible (and HIGHLY discouraged): " + def.source.catalogText(),
                                   pg::Side::Source, "every destination of a source table adds a trigger to it");
        const auto names = objectNames(def.source, slot);
        const bool owner = src.exec("SELECT pg_catalog.pg_has_role(c.relowner, 'USAGE') FROM pg_catalog.pg_class c "
                                    "WHERE c.oid = $1::oid",
                                    {std::to_string(def.sourceOid)})
                               .toBool(0, 0);
        try {
            for (const auto &sql : creationStatements(def, names, owner))
                src.exec(sql);
            tx.commit();
        } catch (const pg::Error &e) {
            if (attempt < 3 && !src.isBad() && isDuplicateObject(e))
                continue; // the transaction object rolls back
            throw;
        }
        return {slot, names, {def.queueSchema, names.queue}, owner};
    }
}

ExistingQueue findQueueObjects(pg::Connection &src, const pg::QualifiedName &source, const pg::QualifiedName &queue)
{
    ExistingQueue out;
    out.queue = queue;
    out.queueExists = src.exec("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n "
                               "ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relname = $2)",
                               {queue.schema, queue.name})
                          .toBool(0, 0);
    auto r = src.exec("SELECT c.oid, pg_catalog.pg_get_userbyid(c.relowner), pg_catalog.pg_has_role(c.relowner, 'USAGE') "
                      "FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                      "WHERE n.nspname = $1 AND c.relname = $2",
                      {source.schema, source.name});
    out.sourceExists = r.rows() == 1;
    if (out.sourceExists) {
        out.tableOwner = r.text(0, 1);
        out.mayDropTrigger = r.toBool(0, 2);
    }
    // The slot follows from the queue's name (the catalog's control), never
    // from the base names: destroying the second destination of a source
    // must not touch the first one's objects (mimeo did, bug 9.2 #14).
    const auto slot = slotOfQueue(source, queue.name);
    if (!slot) {
        // A queue name no rule gives (renamed objects): find the trigger
        // whose function writes to this queue, so dropping the queue never
        // leaves a trigger behind that would make every write fail.
        if (out.sourceExists)
            findByFunctionBody(src, r.text(0, 0), queue, out);
        return out;
    }
    for (bool mimeoRule : {false, true}) {
        const auto n = objectNames(source, *slot, mimeoRule);
        if (!out.function && src.exec("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_proc p JOIN pg_catalog.pg_namespace n "
                                      "ON n.oid = p.pronamespace WHERE n.nspname = $1 AND p.proname = $2 AND p.pronargs = 0)",
                                      {queue.schema, n.function})
                                  .toBool(0, 0))
            out.function = n.function;
        if (out.sourceExists && !out.trigger
            && src.exec("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_trigger t WHERE t.tgrelid = $1::oid AND t.tgname = $2)",
                        {r.text(0, 0), n.trigger})
                   .toBool(0, 0))
            out.trigger = n.trigger;
    }
    return out;
}

std::vector<std::string> dropStatements(const pg::QualifiedName &source, const ExistingQueue &o)
{
    std::vector<std::string> out;
    if (o.trigger && o.sourceExists)
        out.push_back("DROP TRIGGER IF EXISTS " + quoteIdent(*o.trigger) + " ON " + source.quoted());
    if (o.function)
        out.push_back("DROP FUNCTION IF EXISTS " + qualified(o.queue.schema, *o.function) + "()");
    if (o.queueExists)
        out.push_back("DROP TABLE IF EXISTS " + o.queue.quoted());
    return out;
}

void dropQueueObjects(pg::Connection &src, const pg::QualifiedName &source, const ExistingQueue &objects)
{
    const auto statements = dropStatements(source, objects);
    if (statements.empty())
        return;
    pg::Transaction tx(src);
    for (const auto &sql : statements)
        src.exec(sql);
    tx.commit();
}

} // namespace mimeo::replication::queue
