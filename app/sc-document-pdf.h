/* sc-document-pdf.h: a document drawn as PDF, protected and saved
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "sc-document.h"

G_BEGIN_DECLS

#define SC_DOCUMENT_ERROR (sc_document_error_quark ())

/* Their messages are sentences for the worker. */
typedef enum
{
  SC_DOCUMENT_ERROR_FAILED,
  SC_DOCUMENT_ERROR_PROTECT,
} ScDocumentError;

typedef enum
{
  SC_PAPER_A4,
  SC_PAPER_LETTER,
} ScPaper;

GQuark    sc_document_error_quark (void);

GBytes   *sc_document_to_pdf      (ScDocument  *document,
                                   ScPaper      paper,
                                   guint       *n_pages,
                                   GError     **error);
guint     sc_document_count_pages (ScDocument  *document,
                                   double       width,
                                   double       height);
void      sc_document_draw_page   (ScDocument  *document,
                                   cairo_t     *cr,
                                   double       width,
                                   double       height,
                                   guint        page,
                                   guint        n_pages);
GBytes   *sc_pdf_protect          (GBytes      *pdf,
                                   const char  *password,
                                   GError     **error);
char     *sc_pdf_new_password     (void);
gboolean  sc_document_export      (ScDocument  *document,
                                   ScPaper      paper,
                                   const char  *password,
                                   const char  *path,
                                   GError     **error);

G_END_DECLS
