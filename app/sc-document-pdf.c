/* sc-document-pdf.c: a document drawn as PDF, protected and saved
 *
 * Drawn with Pango on a Cairo PDF surface into memory, twice: once to
 * count the pages, once to draw them with "Page N of M". Every page says
 * it is confidential; the last page's footer gives the audit chain's head
 * at the moment of export, so a printed copy can be held against the vault
 * later. The PDF is then protected with AES-256 (PDF R6) by libqpdf, in
 * memory, and written to a temporary name next to its destination,
 * renamed only when complete: an unprotected copy never reaches the disk
 * unless the worker chose no password, and a failure leaves no file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-document-pdf"

#include "config.h"

#include <string.h>

#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>
#include <qpdf/qpdf-c.h>
#include <sodium.h>

#include "sc-dates.h"
#include "sc-document-pdf.h"
#include "sc-passphrase.h"

G_DEFINE_QUARK (sc-document-error-quark, sc_document_error)

#define MARGIN        56.0   /* about 2 cm */
#define HEADER_Y      30.0
#define BODY_TOP      80.0
#define BODY_BOTTOM   70.0   /* from the bottom edge */
#define LABEL_WIDTH   150.0
#define GAP           6.0
#define FONT          "Sans"
#define PIECE         8192   /* bytes of a text laid out at once */

typedef struct
{
  cairo_t      *cr;          /* NULL while counting pages */
  PangoContext *context;
  double        width;       /* the page's */
  double        height;
  double        y;
  guint         page;        /* from 1 */
  guint         n_pages;     /* known when drawing */
  guint         only_page;   /* 0: every page, on one surface; else this one */
  ScDocument   *document;
} Flow;

/* Whether what is laid out now is drawn: a page printed on its own is
 * laid out from the start all the same, so it flows exactly as in the
 * PDF. */
static gboolean
drawing (Flow *flow)
{
  return flow->cr != NULL && (flow->only_page == 0 || flow->page == flow->only_page);
}

static PangoLayout *
new_layout (Flow       *flow,
            const char *markup,
            double      width,
            const char *font)
{
  PangoLayout *layout = pango_layout_new (flow->context);
  g_autoptr(PangoFontDescription) description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  /* Alignment follows the document, not the text: a name in Arabic sits
   * beside its label like any other, still written right to left. */
  pango_layout_set_auto_dir (layout, FALSE);
  pango_layout_set_markup (layout, markup, -1);
  return layout;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double) height / PANGO_SCALE;
}

/* "CONFIDENTIAL — …" and the title at the top; "Page N of M", when it was
 * produced and, on the last page, the audit chain's head at the foot. */
static void
draw_page_furniture (Flow *flow)
{
  g_autofree char *produced = sc_datetime_format_display (flow->document->produced_at);
  g_autofree char *header = g_markup_printf_escaped ("<b>%s</b>   %s",
                                                     _("CONFIDENTIAL — contains personal data about a child"),
                                                     flow->document->title);
  g_autofree char *page = g_strdup_printf (_("Page %u of %u"), flow->page, flow->n_pages);
  g_autofree char *footer = g_markup_printf_escaped ("%s · %s %s", page, _("Produced"), produced);
  g_autoptr(PangoLayout) top = new_layout (flow, header, flow->width - 2 * MARGIN, FONT " 8");
  g_autoptr(PangoLayout) bottom = new_layout (flow, footer, flow->width - 2 * MARGIN, FONT " 8");

  if (!drawing (flow))
    return;
  cairo_set_source_rgb (flow->cr, 0, 0, 0);
  cairo_move_to (flow->cr, MARGIN, HEADER_Y);
  pango_cairo_show_layout (flow->cr, top);
  cairo_move_to (flow->cr, MARGIN, flow->height - BODY_BOTTOM + 24);
  pango_cairo_show_layout (flow->cr, bottom);
  if (flow->page == flow->n_pages)
    {
      g_autofree char *audit = sc_document_describe_audit (flow->document);
      g_autofree char *escaped = g_markup_escape_text (audit, -1);
      g_autoptr(PangoLayout) chain = new_layout (flow, escaped, flow->width - 2 * MARGIN, FONT " 8");

      cairo_move_to (flow->cr, MARGIN, flow->height - BODY_BOTTOM + 24 + layout_height (bottom));
      pango_cairo_show_layout (flow->cr, chain);
    }
}

static void
next_page (Flow *flow)
{
  if (flow->cr != NULL && flow->only_page == 0)
    cairo_show_page (flow->cr);
  flow->page++;
  flow->y = BODY_TOP;
  draw_page_furniture (flow);
}

static double
bottom (Flow *flow)
{
  return flow->height - BODY_BOTTOM;
}

/* Lays @layout's lines (its first @n_lines, or all when 0) at @x from the
 * flow's place down, going on to the next page wherever one is full: long
 * text is never cut off. Returns the y of its first line, and the page it
 * is on in @first_page. */
static double
place_lines (Flow        *flow,
             PangoLayout *layout,
             double       x,
             int          n_lines,
             guint       *first_page)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double first_y = -1;
  double offset = 0;   /* the layout's y where this page's part began */
  double top = flow->y;

  do
    {
      PangoRectangle logical;
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      double line_top, line_height, baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      line_top = (double) logical.y / PANGO_SCALE;
      line_height = (double) logical.height / PANGO_SCALE;
      baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;
      if (top + (line_top - offset) + line_height > bottom (flow) && top + (line_top - offset) > BODY_TOP)
        {
          next_page (flow);
          top = flow->y;
          offset = line_top;
        }
      if (first_y < 0)
        {
          first_y = top + (line_top - offset);
          if (first_page != NULL)
            *first_page = flow->page;
        }
      if (drawing (flow))
        {
          cairo_move_to (flow->cr, x + (double) logical.x / PANGO_SCALE, top + (baseline - offset));
          pango_cairo_show_layout_line (flow->cr, line);
        }
      flow->y = top + (line_top - offset) + line_height;
    }
  while (--n_lines != 0 && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return first_y;
}

static double
place (Flow        *flow,
       PangoLayout *layout,
       double       x,
       guint       *first_page)
{
  return place_lines (flow, layout, x, 0, first_page);
}

/* The end of the paragraph that starts at @p: at the next separator Pango
 * knows ("\r\n", "\n", "\r", U+2029), or at the text's end; @next is set
 * past the separator, or to NULL at the end. */
static const char *
paragraph_end (const char  *p,
               const char **next)
{
  for (; *p != '\0'; p++)
    {
      if (*p == '\n')
        {
          *next = p + 1;
          return p;
        }
      if (*p == '\r')
        {
          *next = p[1] == '\n' ? p + 2 : p + 1;
          return p;
        }
      if ((guchar) p[0] == 0xE2 && (guchar) p[1] == 0x80 && (guchar) p[2] == 0xA9)
        {
          *next = p + 3;
          return p;
        }
    }
  *next = NULL;
  return p;
}

/* Where a piece of @text ending near @end may end: after a space in its
 * second half (a line may break there, and no cluster spans it), else
 * before a character that starts a cluster (not inside a UTF-8 sequence,
 * not before a combining mark). */
static gsize
piece_end (const char *text,
           gsize       start,
           gsize       end)
{
  for (gsize at = end; at > start + PIECE / 2; at--)
    if (text[at - 1] == ' ')
      return at;
  while (end > start + 1)
    {
      while (end > start + 1 && (text[end] & 0xC0) == 0x80)
        end--;
      if (!g_unichar_ismark (g_utf8_get_char (text + end)))
        break;
      end--;
    }
  return end;
}

/* One paragraph, @length bytes of @text, laid out @width wide at @x. A
 * paragraph longer than PIECE bytes is laid out a piece at a time: Pango
 * lays out megabytes slowly and, past a few hundred kilobytes, draws them
 * wrong. Every piece but the last places all its lines but the last, and
 * the next piece starts where that line started, so the text wraps as in
 * one piece; each piece has the paragraph's own direction, as its first
 * letter would give the whole. */
static void
place_paragraph (Flow       *flow,
                 const char *text,
                 gsize       length,
                 double      x,
                 double      width,
                 const char *font,
                 gboolean    italic)
{
  PangoDirection direction = PANGO_DIRECTION_NEUTRAL;
  gsize start = 0;

  /* Deprecated for Pango's own use, and still what a paragraph's first
   * strong letter says. */
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  if (length > PIECE)
    direction = pango_find_base_dir (text, (int) length);
  G_GNUC_END_IGNORE_DEPRECATIONS

  if (direction != PANGO_DIRECTION_NEUTRAL)
    pango_context_set_base_dir (flow->context, direction);
  do
    {
      g_autoptr(PangoLayout) layout = new_layout (flow, "", width, font);
      gsize end = length - start > PIECE ? piece_end (text, start, start + PIECE) : length;
      int n_lines;

      if (italic)
        {
          g_autoptr(PangoAttrList) attributes = pango_attr_list_new ();

          pango_attr_list_insert (attributes, pango_attr_style_new (PANGO_STYLE_ITALIC));
          pango_layout_set_attributes (layout, attributes);
        }
      pango_layout_set_text (layout, text + start, (int) (end - start));
      n_lines = pango_layout_get_line_count (layout);
      if (end == length || n_lines < 2)
        {
          place (flow, layout, x, NULL);
          start = end;
          continue;
        }
      place_lines (flow, layout, x, n_lines - 1, NULL);
      start += (gsize) pango_layout_get_line_readonly (layout, n_lines - 1)->start_index;
    }
  while (start < length);
  pango_context_set_base_dir (flow->context, PANGO_DIRECTION_WEAK_LTR);
}

/* @text (plain, not markup) laid out @width wide at @x, paragraph by
 * paragraph. */
static void
place_text (Flow       *flow,
            const char *text,
            double      x,
            double      width,
            const char *font,
            gboolean    italic)
{
  const char *p = text;

  do
    {
      const char *next;
      const char *end = paragraph_end (p, &next);

      place_paragraph (flow, p, (gsize) (end - p), x, width, font, italic);
      p = next;
    }
  while (p != NULL);
}

static void
place_block (Flow    *flow,
             ScBlock *block)
{
  double width = flow->width - 2 * MARGIN;
  g_autofree char *text = g_markup_escape_text (block->text, -1);

  switch (block->kind)
    {
    case SC_BLOCK_HEADING:
      {
        g_autofree char *markup = g_strdup_printf ("<b>%s</b>", text);
        g_autoptr(PangoLayout) layout = new_layout (flow, markup, width, FONT " 13");

        /* A heading is never the last thing on a page. */
        flow->y += 10;
        if (flow->y + layout_height (layout) + 40 > bottom (flow))
          next_page (flow);
        place (flow, layout, MARGIN, NULL);
        flow->y += GAP;
        break;
      }
    case SC_BLOCK_FIELD:
      {
        g_autofree char *label = g_markup_printf_escaped ("<b>%s</b>", block->label);
        g_autoptr(PangoLayout) label_layout = new_layout (flow, label, LABEL_WIDTH - GAP, FONT " 10");
        double label_height = layout_height (label_layout);
        guint page;
        double y;

        /* The label beside the text's first line, on one page. */
        if (flow->y + label_height > bottom (flow))
          next_page (flow);
        y = flow->y;
        page = flow->page;
        if (drawing (flow))
          {
            cairo_move_to (flow->cr, MARGIN, y);
            pango_cairo_show_layout (flow->cr, label_layout);
          }
        place_text (flow, block->text, MARGIN + LABEL_WIDTH, width - LABEL_WIDTH, FONT " 10", FALSE);
        if (flow->page == page)
          flow->y = MAX (flow->y, y + label_height);
        flow->y += 3;
        break;
      }
    case SC_BLOCK_PARAGRAPH:
      place_text (flow, block->text, MARGIN, width, FONT " 10", FALSE);
      flow->y += GAP;
      break;
    case SC_BLOCK_QUOTE:
      {
        g_autofree char *quoted = g_strdup_printf ("“%s”", block->text);

        place_text (flow, quoted, MARGIN + 24, width - 24, FONT " 11", TRUE);
        flow->y += GAP;
        break;
      }
    case SC_BLOCK_ITEM:
      {
        g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>", block->label != NULL ? block->label : "");
        g_autoptr(PangoLayout) title_layout = new_layout (flow, title, width, FONT " 10");

        if (flow->y + layout_height (title_layout) + 14 > bottom (flow))
          next_page (flow);
        place (flow, title_layout, MARGIN, NULL);
        if (*block->text != '\0')
          place_text (flow, block->text, MARGIN + 14, width - 14, FONT " 10", FALSE);
        flow->y += GAP;
        break;
      }
    case SC_BLOCK_CHECK:
      {
        g_autofree char *label = g_markup_escape_text (block->label, -1);
        /* The box as a character every font has a fallback for; the
         * ticked one is bold too, for a photocopy. */
        g_autofree char *markup = *block->text != '\0'
                                  ? g_strdup_printf ("<b>☒ %s</b>", label)
                                  : g_strdup_printf ("☐ %s", label);
        g_autoptr(PangoLayout) layout = new_layout (flow, markup, width - 14, FONT " 10");

        place (flow, layout, MARGIN + 14, NULL);
        flow->y += 2;
        break;
      }
    default:
      g_assert_not_reached ();
    }
}

/* The whole document, from the first page; returns the pages it took. */
static guint
flow_document (Flow *flow)
{
  g_autofree char *title = g_markup_printf_escaped ("<b>%s</b>", flow->document->title);
  g_autoptr(PangoLayout) layout = new_layout (flow, title, flow->width - 2 * MARGIN, FONT " 20");

  flow->page = 1;
  flow->y = BODY_TOP;
  draw_page_furniture (flow);
  place (flow, layout, MARGIN, NULL);
  flow->y += 2 * GAP;
  for (guint i = 0; i < flow->document->blocks->len; i++)
    place_block (flow, flow->document->blocks->pdata[i]);
  return flow->page;
}

static cairo_status_t
append_cb (void                *closure,
           const unsigned char *data,
           unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static PangoContext *
new_context (void)
{
  PangoContext *context = pango_font_map_create_context (pango_cairo_font_map_get_default ());

  /* Points are the page's units, for the PDF and for paper alike. */
  pango_cairo_context_set_resolution (context, 72.0);
  return context;
}

/* How many pages @document takes on a page of @width by @height points. */
guint
sc_document_count_pages (ScDocument *document,
                         double      width,
                         double      height)
{
  g_autoptr(GObject) context = G_OBJECT (new_context ());
  Flow flow = { 0 };

  flow.width = width;
  flow.height = height;
  flow.context = PANGO_CONTEXT (context);
  flow.document = document;
  return flow_document (&flow);
}

/* Page @page (from 1) of @n_pages, drawn on @cr: the printed page, from
 * the same code as the PDF's. */
void
sc_document_draw_page (ScDocument *document,
                       cairo_t    *cr,
                       double      width,
                       double      height,
                       guint       page,
                       guint       n_pages)
{
  g_autoptr(GObject) context = G_OBJECT (new_context ());
  Flow flow = { 0 };

  flow.cr = cr;
  flow.width = width;
  flow.height = height;
  flow.context = PANGO_CONTEXT (context);
  flow.document = document;
  flow.n_pages = n_pages;
  flow.only_page = page;
  flow_document (&flow);
}

/* @document as a PDF, in memory; @n_pages set to its pages. */
GBytes *
sc_document_to_pdf (ScDocument  *document,
                    ScPaper      paper,
                    guint       *n_pages,
                    GError     **error)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  g_autoptr(GObject) context = G_OBJECT (new_context ());
  g_autofree char *day = g_strndup (document->produced_at, 10);
  /* The title the PDF's metadata carries: the initials, never a name. */
  g_autofree char *meta_title = g_strdup_printf ("%s — %s — %s", document->title, document->initials, day);
  cairo_surface_t *surface;
  cairo_status_t status;
  guint drawn;
  Flow flow = { 0 };

  /* GTK's own sizes for the papers, so that print and PDF paginate alike. */
  flow.width = paper == SC_PAPER_LETTER ? 612.0 : 595.2756;
  flow.height = paper == SC_PAPER_LETTER ? 792.0 : 841.8898;
  flow.context = PANGO_CONTEXT (context);
  flow.document = document;

  /* Counted first, so every page can say how many there are. */
  flow.n_pages = flow_document (&flow);

  surface = cairo_pdf_surface_create_for_stream (append_cb, out, flow.width, flow.height);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, meta_title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT,
                                  _("Confidential: contains personal data about a child"));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Safecase");
  flow.cr = cairo_create (surface);
  drawn = flow_document (&flow);
  cairo_show_page (flow.cr);
  /* The context's status too: Cairo stops drawing at an error it keeps
   * there, and the surface alone would not say so. */
  status = cairo_status (flow.cr);
  cairo_destroy (flow.cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status == CAIRO_STATUS_SUCCESS && drawn != flow.n_pages)
    {
      g_set_error_literal (error, SC_DOCUMENT_ERROR, SC_DOCUMENT_ERROR_FAILED,
                           _("The document did not come out as laid out, so it was not made. "
                             "Contact your IT support."));
      sodium_memzero (out->data, out->len);
      return NULL;
    }
  if (status != CAIRO_STATUS_SUCCESS)
    {
      sodium_memzero (out->data, out->len);
      g_set_error (error, SC_DOCUMENT_ERROR, SC_DOCUMENT_ERROR_FAILED,
                   _("The document could not be drawn (%s). Try again; if it keeps happening, "
                     "contact your IT support."), cairo_status_to_string (status));
      return NULL;
    }
  if (n_pages != NULL)
    *n_pages = flow.n_pages;
  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/* @pdf with AES-256 (PDF R6): it opens with @password only. */
GBytes *
sc_pdf_protect (GBytes      *pdf,
                const char  *password,
                GError     **error)
{
  qpdf_data qpdf = qpdf_init ();
  gsize size;
  const char *data = g_bytes_get_data (pdf, &size);
  guint8 owner_bytes[24];
  g_autofree char *owner = NULL;
  GBytes *protected = NULL;

  g_return_val_if_fail (password != NULL && *password != '\0', NULL);

  /* The owner password is random and forgotten: no one can lift the
   * protection without the worker's password. */
  randombytes_buf (owner_bytes, sizeof owner_bytes);
  owner = g_base64_encode (owner_bytes, sizeof owner_bytes);
  sodium_memzero (owner_bytes, sizeof owner_bytes);

  qpdf_silence_errors (qpdf);
  qpdf_set_suppress_warnings (qpdf, QPDF_TRUE);
  if ((qpdf_read_memory (qpdf, "document", data, size, NULL) & QPDF_ERRORS) == 0
      && (qpdf_init_write_memory (qpdf) & QPDF_ERRORS) == 0)
    {
      qpdf_set_r6_encryption_parameters2 (qpdf, password, owner, QPDF_TRUE, QPDF_TRUE, QPDF_FALSE,
                                          QPDF_FALSE, QPDF_FALSE, QPDF_FALSE, qpdf_r3p_full,
                                          QPDF_TRUE);
      if ((qpdf_write (qpdf) & QPDF_ERRORS) == 0)
        protected = g_bytes_new (qpdf_get_buffer (qpdf), qpdf_get_buffer_length (qpdf));
    }
  if (protected == NULL)
    {
      qpdf_error problem = qpdf_get_error (qpdf);

      g_message ("qpdf: %s", problem != NULL ? qpdf_get_error_full_text (qpdf, problem) : "failed");
      g_set_error_literal (error, SC_DOCUMENT_ERROR, SC_DOCUMENT_ERROR_PROTECT,
                           _("The document could not be protected with a password, so it was not "
                             "saved. Try again; if it keeps happening, contact your IT support."));
    }
  sodium_memzero (owner, strlen (owner));
  qpdf_cleanup (&qpdf);
  return protected;
}


/* A password for a document: six words and a number, separated by
 * dashes, chosen with libsodium (about 50 bits), to be read out on the
 * phone, never sent with the file. */
char *
sc_pdf_new_password (void)
{
  return sc_passphrase_random_words (6, FALSE);
}

/* @document drawn, protected with @password (NULL: not protected, the
 * worker's deliberate choice) and written to @path: to a temporary name
 * beside it, renamed when complete, readable by the worker alone. On
 * failure no file is left. */
gboolean
sc_document_export (ScDocument  *document,
                    ScPaper      paper,
                    const char  *password,
                    const char  *path,
                    GError     **error)
{
  g_autoptr(GBytes) pdf = NULL;
  g_autoptr(GBytes) out = NULL;
  gsize size;
  const char *data;
  gboolean written;

  g_return_val_if_fail (path != NULL, FALSE);

  if (!(pdf = sc_document_to_pdf (document, paper, NULL, error)))
    return FALSE;
  if (password != NULL)
    {
      if (*password == '\0')
        {
          g_set_error_literal (error, SC_DOCUMENT_ERROR, SC_DOCUMENT_ERROR_PROTECT,
                               _("A document is protected with a password that is not empty."));
          sodium_memzero ((gpointer) g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));
          return FALSE;
        }
      if (!(out = sc_pdf_protect (pdf, password, error)))
        {
          sodium_memzero ((gpointer) g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));
          return FALSE;
        }
    }
  else
    out = g_bytes_ref (pdf);
  data = g_bytes_get_data (out, &size);
  written = g_file_set_contents_full (path, data, (gssize) size,
                                      G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                      0600, error);
  /* The unprotected drawing is wiped from memory. */
  sodium_memzero ((gpointer) g_bytes_get_data (pdf, NULL), g_bytes_get_size (pdf));
  return written;
}
