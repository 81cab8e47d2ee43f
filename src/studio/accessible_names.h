// SPDX-License-Identifier: PostgreSQL
#pragma once
// Screen readers name a field by its accessible name; a form's label says
// it already (QLabel::buddy), so every labelled field below root gets the
// label's text (without the mnemonic's &) unless it has a name of its own.
class QWidget;

void nameFieldsByTheirLabels(QWidget *root);
