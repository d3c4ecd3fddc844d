/* sc-records-private.h: the writes only a signature or the program itself
 * makes (a review, an approval, an addendum, bookkeeping)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-records.h"

G_BEGIN_DECLS

/* What a write is, and so what it may change: a worker's save may change
 * anything the rules allow; the others change only their own fields, and
 * are made by the core after the signature or event they stand for. */
typedef enum
{
  SC_WRITE_WORKER,        /* typed: every rule applies */
  SC_WRITE_REVIEW,        /* a manager's signed review, and the concern's status */
  SC_WRITE_APPROVAL,      /* a manager's signed approval of a contact */
  SC_WRITE_COPIED,        /* a contact copied to the case system */
  SC_WRITE_FILE_REMOVED,  /* an evidence entry's file removed */
  SC_WRITE_ADDENDUM,      /* a new addendum */
  SC_WRITE_MARK,          /* a step marked: who and when, set by the program */
  SC_WRITE_FILE_ADDED,    /* an evidence entry's first file, with the entry */
} ScWriteKind;

gboolean sc_records_save_as (ScVault      *vault,
                             ScRecord    **records,
                             guint         n_records,
                             ScWriteKind   kind,
                             GError      **error);

G_END_DECLS
