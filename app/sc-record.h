/* sc-record.h: a row of the vault as a GObject, its columns as properties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  SC_FIELD_TEXT,
  SC_FIELD_BOOLEAN,
  SC_FIELD_INT64,
} ScFieldType;

/* One column: the property is @name, the column the same with '_' for '-'. */
typedef struct
{
  const char  *name;
  ScFieldType  type;
} ScField;

#define SC_TYPE_RECORD (sc_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (ScRecord, sc_record, SC, RECORD, GObject)

struct _ScRecordClass
{
  GObjectClass   parent_class;

  const char    *table;
  const ScField *fields;
  guint          n_fields;

  /* Checks the fields before a save. @final: the record is being completed,
   * not saved as a draft, so required fields must be there. */
  gboolean     (*validate)    (ScRecord  *self,
                               gboolean   final,
                               GError   **error);

  /* Fills in what the repository writes besides the fields: derived
   * columns (names static, values owned by @values). */
  void         (*before_save) (ScRecord  *self,
                               gboolean   inserting,
                               GPtrArray *columns,
                               GPtrArray *values);
};

void        sc_record_class_install_fields (ScRecordClass *klass,
                                            const char    *table,
                                            const ScField *fields,
                                            guint          n_fields);

gint64      sc_record_get_id               (ScRecord      *self);
const char *sc_record_get_text             (ScRecord      *self,
                                            const char    *field);
void        sc_record_set_text             (ScRecord      *self,
                                            const char    *field,
                                            const char    *value);
gboolean    sc_record_get_boolean          (ScRecord      *self,
                                            const char    *field);
void        sc_record_set_boolean          (ScRecord      *self,
                                            const char    *field,
                                            gboolean       value);
gint64      sc_record_get_int64            (ScRecord      *self,
                                            const char    *field);
void        sc_record_set_int64            (ScRecord      *self,
                                            const char    *field,
                                            gint64         value);
gboolean    sc_record_validate             (ScRecord      *self,
                                            gboolean       final,
                                            GError       **error);
char       *sc_record_describe             (ScRecord      *self);
void        sc_record_copy_fields          (ScRecord      *dest,
                                            ScRecord      *src);
gboolean    sc_record_fields_equal         (ScRecord      *a,
                                            ScRecord      *b);
gboolean    sc_record_fields_equal_except  (ScRecord          *a,
                                            ScRecord          *b,
                                            const char *const *except);

char       *sc_text_fold                   (const char    *text);
gboolean    sc_text_is_blank               (const char    *text);

G_END_DECLS
