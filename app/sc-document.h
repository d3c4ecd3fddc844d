/* sc-document.h: what a document says, before it is drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sc-chronology.h"
#include "sc-concern.h"
#include "sc-procedure.h"
#include "sc-vault.h"

G_BEGIN_DECLS

/* One piece of a document, in reading order. */
typedef enum
{
  SC_BLOCK_HEADING,    /* a section's title */
  SC_BLOCK_FIELD,      /* a label and what it says ("Not recorded" if nothing) */
  SC_BLOCK_PARAGRAPH,  /* running text */
  SC_BLOCK_QUOTE,      /* words as someone said them */
  SC_BLOCK_ITEM,       /* one entry of a list: a title line, then text */
  SC_BLOCK_CHECK,      /* a box, ticked if text is not empty, and its label */
} ScBlockKind;

/* The documents there are. */
typedef enum
{
  SC_DOCUMENT_LADO_REFERRAL,
  SC_DOCUMENT_MONITORING_FORM,
  SC_DOCUMENT_CHRONOLOGY,
  SC_DOCUMENT_POLICE_SUMMARY,
} ScDocumentKind;

typedef struct
{
  ScBlockKind  kind;
  char        *label;   /* a field's label, an item's title; NULL otherwise */
  char        *text;
} ScBlock;

typedef struct
{
  char      *title;         /* "LADO referral" */
  char      *slug;          /* "LADO-referral", for the file's name */
  char      *initials;      /* the child's, never the name */
  char      *produced_at;   /* storage form, UTC */
  guint64    audit_entries; /* the chain's count and head at that moment */
  char      *audit_head;
  GPtrArray *blocks;        /* ScBlock */
} ScDocument;

ScDocument *sc_document_new             (const char  *title,
                                         const char  *slug,
                                         const char  *initials);
void        sc_document_free            (ScDocument  *document);
void        sc_document_add             (ScDocument  *document,
                                         ScBlockKind  kind,
                                         const char  *label,
                                         const char  *text);
char       *sc_document_suggest_filename (ScDocument *document);
char       *sc_document_describe_audit  (ScDocument  *document);

ScDocument *sc_document_lado_referral   (ScVault     *vault,
                                         ScProcedure *procedure,
                                         ScConcern   *concern,
                                         gboolean     full_name,
                                         GError     **error);
ScDocument *sc_document_monitoring_form (ScVault     *vault,
                                         ScProcedure *procedure,
                                         ScConcern   *concern,
                                         GError     **error);
ScDocument *sc_document_police_summary (ScVault     *vault,
                                         ScProcedure *procedure,
                                         ScConcern   *concern,
                                         GError     **error);
ScDocument *sc_document_chronology      (ScVault     *vault,
                                         ScProcedure *procedure,
                                         gint64       child_id,
                                         ScChronologyKinds kinds,
                                         const char  *from,
                                         GError     **error);
ScDocument *sc_document_build           (ScDocumentKind kind,
                                         ScVault     *vault,
                                         ScProcedure *procedure,
                                         ScConcern   *concern,
                                         gboolean     full_name,
                                         GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ScDocument, sc_document_free)

G_END_DECLS
