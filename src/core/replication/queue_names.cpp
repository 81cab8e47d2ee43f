// SPDX-License-Identifier: PostgreSQL
#include "replication/queue_names.h"


namespace mimeo::replication::queue {
namespace {

bool isContinuation(unsigned char c) { return (c & 0xC0) == 0x80; }

size_t characterCount(const std::string &s)
{
    size_t n = 0;
    for (unsigned char c : s)
        n += isContinuation(c) ? 0 : 1;
    return n;
}

// The first n characters of s.
std::string firstCharacters(const std::string &s, size_t n)
{
    size_t seen = 0;
    for (size_t i = 0; i < s.size(); ++i) {
        if (!isContinuation(static_cast<unsigned char>(s[i]))) {
            if (seen == n)
                return s.substr(0, i);
            ++seen;
        }
    }
    return s;
}

std::string templateOf(const pg::QualifiedName &source) { return source.schema + "_" + source.name; }

} // namespace

std::string lengthChecked(const std::string &name, const std::string &suffix)
{
    if (name.size() + suffix.size() <= pg::kMaxIdentifierBytes)
        return name + suffix;
    return pg::clipIdentifier(name, pg::kMaxIdentifierBytes - suffix.size()) + suffix;
}

std::string mimeoLengthChecked(const std::string &name, const std::string &suffix)
{
    const size_t nameChars = characterCount(name);
    const size_t suffixChars = characterCount(suffix);
    std::string out = nameChars + suffixChars >= 63 ? firstCharacters(name, 63 - suffixChars) + suffix : name + suffix;
    return pg::clipIdentifier(out); // what the server keeps of it
}

std::string slotSuffix(int slot)
{
    if (slot <= 0)
        return {};
    const std::string n = std::to_string(slot);
    return n.size() < 2 ? "0" + n : n; // to_char(n, 'FM00')
}

ObjectNames objectNames(const pg::QualifiedName &source, int slot, bool mimeoRule)
{
    const std::string tmpl = templateOf(source);
    const std::string n = slotSuffix(slot);
    auto checked = [&](const std::string &suffix) {
        return mimeoRule ? mimeoLengthChecked(tmpl, suffix + n) : lengthChecked(tmpl, suffix + n);
    };
    return {checked("_q"), checked("_mimeo_queue"), checked("_mimeo_trig")};
}

std::optional<int> slotOfQueue(const pg::QualifiedName &source, const std::string &queueName)
{
    for (int slot = 0; slot <= kMaxSlot; ++slot) {
        if (objectNames(source, slot).queue == queueName || objectNames(source, slot, true).queue == queueName)
            return slot;
    }
    return std::nullopt;
}

std::string controlText(const std::string &queueSchema, const std::string &queueTable)
{
    return pg::QualifiedName{queueSchema, queueTable}.catalogText();
}

} // namespace mimeo::replication::queue
