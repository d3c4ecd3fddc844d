/* sc-record.c: a row of the vault as a GObject, its columns as properties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sc-record"

#include "config.h"

#include <json-glib/json-glib.h>

#include <string.h>

#include "sc-record-private.h"

typedef struct
{
  gint64  id;
  GValue *values;     /* one per field of the class */
} ScRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (ScRecord, sc_record, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
gtype_for (ScFieldType type)
{
  switch (type)
    {
    case SC_FIELD_TEXT:
      return G_TYPE_STRING;
    case SC_FIELD_BOOLEAN:
      return G_TYPE_BOOLEAN;
    case SC_FIELD_INT64:
      return G_TYPE_INT64;
    default:
      g_assert_not_reached ();
    }
}

static guint
field_index (ScRecord   *self,
             const char *field)
{
  ScRecordClass *klass = SC_RECORD_GET_CLASS (self);

  for (guint i = 0; i < klass->n_fields; i++)
    if (g_str_equal (klass->fields[i].name, field))
      return i;

  g_error ("%s has no field %s", G_OBJECT_TYPE_NAME (self), field);
}

static gboolean
values_equal (const GValue *a,
              const GValue *b)
{
  switch (G_VALUE_TYPE (a))
    {
    case G_TYPE_STRING:
      return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
    case G_TYPE_BOOLEAN:
      return g_value_get_boolean (a) == g_value_get_boolean (b);
    case G_TYPE_INT64:
      return g_value_get_int64 (a) == g_value_get_int64 (b);
    default:
      g_assert_not_reached ();
    }
}

void
sc_record_set_value (ScRecord     *self,
                     guint         index,
                     const GValue *value)
{
  ScRecordPrivate *priv = sc_record_get_instance_private (self);
  g_auto(GValue) clean = G_VALUE_INIT;

  g_assert (index < SC_RECORD_GET_CLASS (self)->n_fields);

  g_value_init (&clean, G_VALUE_TYPE (&priv->values[index]));
  g_value_transform (value, &clean);

  /* Text is never NULL, and always UTF-8: bytes that are not (pasted from
   * somewhere odd) become U+FFFD rather than being refused or lost. */
  if (G_VALUE_HOLDS_STRING (&clean))
    {
      const char *text = g_value_get_string (&clean);

      if (text == NULL)
        g_value_set_static_string (&clean, "");
      else if (!g_utf8_validate (text, -1, NULL))
        g_value_take_string (&clean, g_utf8_make_valid (text, -1));
    }

  if (values_equal (&priv->values[index], &clean))
    return;

  g_value_copy (&clean, g_value_reset (&priv->values[index]));
  g_object_notify (G_OBJECT (self), SC_RECORD_GET_CLASS (self)->fields[index].name);
}

const GValue *
sc_record_get_value (ScRecord *self,
                     guint     index)
{
  ScRecordPrivate *priv = sc_record_get_instance_private (self);

  g_assert (index < SC_RECORD_GET_CLASS (self)->n_fields);
  return &priv->values[index];
}

/* Field properties: ids 1..n of the subclass that installed them. */
static void
field_get_property (GObject    *object,
                    guint       prop_id,
                    GValue     *value,
                    GParamSpec *pspec)
{
  g_value_copy (sc_record_get_value (SC_RECORD (object), prop_id - 1), value);
}

static void
field_set_property (GObject      *object,
                    guint         prop_id,
                    const GValue *value,
                    GParamSpec   *pspec)
{
  sc_record_set_value (SC_RECORD (object), prop_id - 1, value);
}

void
sc_record_class_install_fields (ScRecordClass *klass,
                                const char    *table,
                                const ScField *fields,
                                guint          n_fields)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  klass->table = table;
  klass->fields = fields;
  klass->n_fields = n_fields;
  object_class->get_property = field_get_property;
  object_class->set_property = field_set_property;

  for (guint i = 0; i < n_fields; i++)
    {
      GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;
      GParamSpec *pspec;

      switch (fields[i].type)
        {
        case SC_FIELD_TEXT:
          pspec = g_param_spec_string (fields[i].name, NULL, NULL, "", flags);
          break;
        case SC_FIELD_BOOLEAN:
          pspec = g_param_spec_boolean (fields[i].name, NULL, NULL, FALSE, flags);
          break;
        case SC_FIELD_INT64:
          pspec = g_param_spec_int64 (fields[i].name, NULL, NULL, 0, G_MAXINT64, 0, flags);
          break;
        default:
          g_assert_not_reached ();
        }
      g_object_class_install_property (object_class, i + 1, pspec);
    }
}

static void
sc_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ScRecord *self = SC_RECORD (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, sc_record_get_id (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sc_record_constructed (GObject *object)
{
  ScRecord *self = SC_RECORD (object);
  ScRecordPrivate *priv = sc_record_get_instance_private (self);
  ScRecordClass *klass = SC_RECORD_GET_CLASS (self);

  G_OBJECT_CLASS (sc_record_parent_class)->constructed (object);

  /* Here and not in init: while ScRecord's init runs, the instance's class
   * is still ScRecord's, so the subclass's fields are not known yet. */
  priv->values = g_new0 (GValue, klass->n_fields);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      g_value_init (&priv->values[i], gtype_for (klass->fields[i].type));
      if (klass->fields[i].type == SC_FIELD_TEXT)
        g_value_set_static_string (&priv->values[i], "");
    }
}

static void
sc_record_finalize (GObject *object)
{
  ScRecord *self = SC_RECORD (object);
  ScRecordPrivate *priv = sc_record_get_instance_private (self);

  for (guint i = 0; priv->values != NULL && i < SC_RECORD_GET_CLASS (self)->n_fields; i++)
    g_value_unset (&priv->values[i]);
  g_free (priv->values);

  G_OBJECT_CLASS (sc_record_parent_class)->finalize (object);
}

static void
sc_record_class_init (ScRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = sc_record_constructed;
  object_class->finalize = sc_record_finalize;
  object_class->get_property = sc_record_get_property;

  /* The row's id in the vault; 0 until it is first saved. */
  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
sc_record_init (ScRecord *self)
{
}

gint64
sc_record_get_id (ScRecord *self)
{
  ScRecordPrivate *priv = sc_record_get_instance_private (self);

  g_return_val_if_fail (SC_IS_RECORD (self), 0);

  return priv->id;
}

void
sc_record_set_id (ScRecord *self,
                  gint64    id)
{
  ScRecordPrivate *priv = sc_record_get_instance_private (self);

  if (priv->id == id)
    return;
  priv->id = id;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ID]);
}

const char *
sc_record_get_text (ScRecord   *self,
                    const char *field)
{
  g_return_val_if_fail (SC_IS_RECORD (self), NULL);

  return g_value_get_string (sc_record_get_value (self, field_index (self, field)));
}

void
sc_record_set_text (ScRecord   *self,
                    const char *field,
                    const char *value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (SC_IS_RECORD (self));

  g_value_init (&v, G_TYPE_STRING);
  g_value_set_string (&v, value);
  sc_record_set_value (self, field_index (self, field), &v);
}

gboolean
sc_record_get_boolean (ScRecord   *self,
                       const char *field)
{
  g_return_val_if_fail (SC_IS_RECORD (self), FALSE);

  return g_value_get_boolean (sc_record_get_value (self, field_index (self, field)));
}

void
sc_record_set_boolean (ScRecord   *self,
                       const char *field,
                       gboolean    value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (SC_IS_RECORD (self));

  g_value_init (&v, G_TYPE_BOOLEAN);
  g_value_set_boolean (&v, value);
  sc_record_set_value (self, field_index (self, field), &v);
}

gint64
sc_record_get_int64 (ScRecord   *self,
                     const char *field)
{
  g_return_val_if_fail (SC_IS_RECORD (self), 0);

  return g_value_get_int64 (sc_record_get_value (self, field_index (self, field)));
}

void
sc_record_set_int64 (ScRecord   *self,
                     const char *field,
                     gint64      value)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (SC_IS_RECORD (self));

  g_value_init (&v, G_TYPE_INT64);
  g_value_set_int64 (&v, value);
  sc_record_set_value (self, field_index (self, field), &v);
}

gboolean
sc_record_validate (ScRecord *self,
                    gboolean  final,
                    GError  **error)
{
  ScRecordClass *klass;

  g_return_val_if_fail (SC_IS_RECORD (self), FALSE);

  klass = SC_RECORD_GET_CLASS (self);
  return klass->validate == NULL || klass->validate (self, final, error);
}

typedef struct
{
  const char *name;
  int         index;   /* -1: the id */
} Member;

static int
compare_members (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (((const Member *) a)->name, ((const Member *) b)->name);
}

/* Every field and the id, as canonical JSON (keys sorted, no white space):
 * what the audit trail keeps as before and after, the same text for the
 * same values on any machine. */
char *
sc_record_describe (ScRecord *self)
{
  ScRecordClass *klass = SC_RECORD_GET_CLASS (self);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (Member));
  Member id = { "id", -1 };

  g_array_append_val (members, id);
  for (guint i = 0; i < klass->n_fields; i++)
    {
      Member field = { klass->fields[i].name, (int) i };

      g_array_append_val (members, field);
    }
  g_array_sort (members, compare_members);

  json_builder_begin_object (builder);
  for (guint n = 0; n < members->len; n++)
    {
      const Member *member = &g_array_index (members, Member, n);
      int i = member->index;

      json_builder_set_member_name (builder, member->name);
      if (i < 0)
        {
          json_builder_add_int_value (builder, sc_record_get_id (self));
          continue;
        }
      switch (klass->fields[i].type)
        {
        case SC_FIELD_TEXT:
          json_builder_add_string_value (builder, g_value_get_string (sc_record_get_value (self, i)));
          break;
        case SC_FIELD_BOOLEAN:
          json_builder_add_boolean_value (builder, g_value_get_boolean (sc_record_get_value (self, i)));
          break;
        case SC_FIELD_INT64:
          json_builder_add_int_value (builder, g_value_get_int64 (sc_record_get_value (self, i)));
          break;
        default:
          g_assert_not_reached ();
        }
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, FALSE);
  return json_generator_to_data (generator, NULL);
}

void
sc_record_copy_fields (ScRecord *dest,
                       ScRecord *src)
{
  g_return_if_fail (G_OBJECT_TYPE (dest) == G_OBJECT_TYPE (src));

  g_object_freeze_notify (G_OBJECT (dest));
  for (guint i = 0; i < SC_RECORD_GET_CLASS (src)->n_fields; i++)
    sc_record_set_value (dest, i, sc_record_get_value (src, i));
  g_object_thaw_notify (G_OBJECT (dest));
}

gboolean
sc_record_fields_equal (ScRecord *a,
                        ScRecord *b)
{
  return sc_record_fields_equal_except (a, b, NULL);
}

/* Whether @a and @b differ in no field but those named in @except
 * (NULL-terminated, or NULL for none). */
gboolean
sc_record_fields_equal_except (ScRecord          *a,
                               ScRecord          *b,
                               const char *const *except)
{
  ScRecordClass *klass = SC_RECORD_GET_CLASS (a);

  g_return_val_if_fail (G_OBJECT_TYPE (a) == G_OBJECT_TYPE (b), FALSE);

  for (guint i = 0; i < klass->n_fields; i++)
    if ((except == NULL || !g_strv_contains (except, klass->fields[i].name))
        && !values_equal (sc_record_get_value (a, i), sc_record_get_value (b, i)))
      return FALSE;
  return TRUE;
}

/* Text without case or accents, for ordering and searching: "Chloé" and
 * "CHLOE" fold to the same "chloe". */
char *
sc_text_fold (const char *text)
{
  g_autofree char *decomposed = g_utf8_normalize (text != NULL ? text : "", -1, G_NORMALIZE_NFD);
  g_autoptr(GString) bare = g_string_new (NULL);

  for (const char *p = decomposed; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (bare, c);
    }

  return g_utf8_casefold (bare->str, -1);
}

gboolean
sc_text_is_blank (const char *text)
{
  for (; text != NULL && *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}
