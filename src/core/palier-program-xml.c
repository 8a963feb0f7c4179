/* palier-program-xml.c: programs as XML
 *
 * Reading goes through four steps, each with its own error code:
 *  1. a libxml2 parse that loads nothing from outside and stops at any
 *     DOCTYPE (MALFORMED, FORBIDDEN);
 *  2. validation against the XSD, compiled once from the GResource
 *     (SCHEMA);
 *  3. the construction of the model, then palier_program_check()
 *     (INVALID).
 * libxml2's messages are caught per parser and per validation context, so
 * nothing is printed and no global handler is changed.
 *
 * Writing uses xmlTextWriter on a memory buffer, with numbers from
 * palier_decimal_format_exact(), which never depends on the locale.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <limits.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <libxml/xmlwriter.h>

#include "palier-core.h"
#include "palier-program-private.h"
#include "palier-program-xml.h"

#define SCHEMA_RESOURCE "/org/palier/core/palier-program-1.xsd"

G_DEFINE_QUARK (palier-program-error-quark, palier_program_error)

G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlDoc, xmlFreeDoc)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlParserCtxt, xmlFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchemaValidCtxt, xmlSchemaFreeValidCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlSchemaParserCtxt, xmlSchemaFreeParserCtxt)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlTextWriter, xmlFreeTextWriter)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (xmlBuffer, xmlBufferFree)

/* libxml2 messages ======================================================= */

/* The first error libxml2 reported, and whether a DOCTYPE was seen.
 * @message is in plain words, except for the schema's own compilation,
 * where libxml2's text is kept for developers. */
typedef struct {
  gboolean  has_doctype;
  int       doctype_line;
  int       line;
  char     *message;
} Diagnostics;

/* Turns one libxml2 error into a plain message for the user. */
typedef char *(*ExplainFunc) (const xmlError *error);

static void
diagnostics_clear (Diagnostics *diagnostics)
{
  g_clear_pointer (&diagnostics->message, g_free);
}

/* Keeps the first error or fatal error, as @explain words it; warnings
 * are dropped.  libxml2's own text goes to the debug log only. */
static void
diagnostics_add (Diagnostics    *diagnostics,
                 const xmlError *error,
                 ExplainFunc     explain)
{
  if (error->level < XML_ERR_ERROR || diagnostics->message != NULL)
    return;

  g_debug ("libxml2 error %d at line %d: %s", error->code, error->line,
           error->message != NULL ? error->message : "");
  diagnostics->line = error->line;
  diagnostics->message = explain (error);
}

/* Returns libxml2's message on one line, without the program
 * namespace, for errors in Palier's own schema. */
static char *
copy_raw_message (const xmlError *error)
{
  g_autoptr(GString) message = g_string_new (error->message != NULL ? error->message : "");

  g_string_replace (message, "{" PALIER_PROGRAM_NAMESPACE "}", "", 0);
  while (message->len > 0 && g_ascii_isspace (message->str[message->len - 1]))
    g_string_truncate (message, message->len - 1);
  g_string_replace (message, "\n", " ", 0);

  return g_string_free (g_steal_pointer (&message), FALSE);
}

/* Plain messages for the parser's errors ----------------------------------
 *
 * libxml2 2.9.14 words its messages for XML experts and in English only,
 * so the common errors get a sentence of their own, built from the
 * error's code and fields.  str1 and str2 name the tags, attributes or
 * entities involved, int1 is the line of an opening tag and int2 the
 * column. */

static char *
explain_ampersand (int column)
{
  return g_strdup_printf (_("near column %d: a “&” that does not start an entity; "
                            "write “&amp;” for “&”"), column);
}

static char *
explain_unclosed_tag (const xmlError *error)
{
  const char *open = error->str1 != NULL ? error->str1 : "?";
  const char *close = error->str2 != NULL ? error->str2 : "?";

  return g_strdup_printf (_("</%s> found where <%s> from line %d must be closed first; "
                            "close it with </%s> or “/>”, or check the spelling of both tags"),
                          close, open, error->int1, open);
}

static char *
explain_invalid_char (const xmlError *error)
{
  if (error->message != NULL && g_str_has_prefix (error->message, "Input is not proper UTF-8"))
    return g_strdup_printf (_("near column %d: bytes that are not valid UTF-8; save the file as "
                              "UTF-8, or declare its encoding, such as "
                              "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>"),
                            error->int2);

  return g_strdup_printf (_("near column %d: a character that XML does not allow, such as a "
                            "control character; remove it"), error->int2);
}

static char *
explain_parser_limit (const xmlError *error)
{
  if (error->message != NULL && strstr (error->message, "depth") != NULL)
    return g_strdup_printf (_("elements nested more than %d levels deep; a program is only "
                              "a few levels deep"), error->int1);

  return g_strdup_printf (_("near column %d: a value or a line longer than the XML parser "
                            "accepts"), error->int2);
}

static char *
explain_parser_error (const xmlError *error)
{
  const char *str1 = error->str1 != NULL ? error->str1 : "?";
  int column = error->int2;

  switch (error->code)
    {
    case XML_ERR_DOCUMENT_EMPTY:
      return g_strdup_printf (_("no XML element found; a program file starts with "
                                "<program xmlns=\"%s\" …>"), PALIER_PROGRAM_NAMESPACE);
    case XML_ERR_DOCUMENT_END:
      return g_strdup_printf (_("near column %d: content after the end of the root element; a file "
                                "contains one <program>, so remove what follows </program>"),
                              column);
    case XML_ERR_INVALID_CHAR:
    case XML_ERR_INVALID_ENCODING:
      return explain_invalid_char (error);
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
      return g_strdup_printf (_("near column %d: unknown entity “&%s;”; write the character itself, "
                                "or “&amp;” for “&”"), column, str1);
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
      return explain_ampersand (column);
    case XML_ERR_NAME_REQUIRED:
      if (error->message != NULL && g_str_has_prefix (error->message, "xmlParseEntityRef"))
        return explain_ampersand (column);
      if (error->message != NULL && g_str_has_prefix (error->message, "error parsing attribute name"))
        return g_strdup_printf (_("near column %d: an attribute name is expected here; check that the "
                                  "tag before it ends with “>” or “/>”"), column);
      return g_strdup_printf (_("near column %d: a tag or attribute name is missing or invalid; "
                                "names start with a letter, such as <tier from=\"0\">"), column);
    case XML_ERR_LT_IN_ATTRIBUTE:
      return g_strdup_printf (_("near column %d: “<” inside an attribute value; write “&lt;”, or add "
                                "the closing quote that the value before it lacks"), column);
    case XML_ERR_ATTRIBUTE_NOT_STARTED:
      return g_strdup_printf (_("near column %d: an attribute value without quotes; write it "
                                "between quotes, such as rate=\"0.05\""), column);
    case XML_ERR_ATTRIBUTE_NOT_FINISHED:
      if (error->message != NULL && strstr (error->message, "too long") != NULL)
        return explain_parser_limit (error);
      return g_strdup_printf (_("near column %d: an attribute value without its closing quote; "
                                "add the quote"), column);
    case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
      return g_strdup_printf (_("near column %d: the attribute “%s” has no value; write "
                                "%s=\"…\""), column, str1, str1);
    case XML_ERR_ATTRIBUTE_REDEFINED:
      return g_strdup_printf (_("near column %d: the attribute “%s” appears twice in one tag; "
                                "keep one"), column, str1);
    case XML_ERR_GT_REQUIRED:
      return g_strdup_printf (_("the start tag <%s> is not closed; end it with “>” or “/>”"),
                              str1);
    case XML_ERR_TAG_NAME_MISMATCH:
      return explain_unclosed_tag (error);
    case XML_ERR_TAG_NOT_FINISHED:
      return g_strdup_printf (_("the file ends before <%s> from line %d is closed; add </%s>"),
                              str1, error->int1, str1);
    case XML_ERR_COMMENT_NOT_FINISHED:
      return g_strdup (_("a comment is not closed; end it with “-->”"));
    case XML_ERR_HYPHEN_IN_COMMENT:
      return g_strdup_printf (_("near column %d: “--” inside a comment; remove it, because a "
                                "comment cannot contain two hyphens in a row"), column);
    case XML_ERR_CDATA_NOT_FINISHED:
      return g_strdup (_("a CDATA section is not closed; end it with “]]>”"));
    case XML_ERR_RESERVED_XML_NAME:
      return g_strdup_printf (_("near column %d: an <?xml …?> declaration after the start of the "
                                "file; keep only the one on the first line"), column);
    case XML_NS_ERR_UNDEFINED_NAMESPACE:
      return g_strdup_printf (_("near column %d: the namespace prefix “%s:” is not declared; remove "
                                "it, because every element of a program is in the namespace "
                                "that xmlns=\"%s\" sets on <program>"),
                              column, str1, PALIER_PROGRAM_NAMESPACE);
    case XML_ERR_INTERNAL_ERROR:
      return explain_parser_limit (error);
    default:
      return g_strdup_printf (_("near column %d: the XML is not well-formed here; check the tags, "
                                "the quotes and any “&” or “<” near this place"), column);
    }
}

static void
on_parser_error (void     *user_data,
                 xmlError *error)
{
  xmlParserCtxt *context = user_data;

  diagnostics_add (context->_private, error, explain_parser_error);
}

/* Rejects any DOCTYPE, because that is where entities (and with them
 * entity expansion bombs and external entities) would be declared.
 * libxml2 2.9.14 calls this handler before it reads the internal subset,
 * so stopping here means no declaration is ever parsed. */
static void
on_internal_subset (void          *user_data,
                    const xmlChar *name,
                    const xmlChar *external_id,
                    const xmlChar *system_id)
{
  xmlParserCtxt *context = user_data;
  Diagnostics *diagnostics = context->_private;

  diagnostics->has_doctype = TRUE;
  diagnostics->doctype_line = context->input != NULL ? context->input->line : 0;
  xmlStopParser (context);
}

/* Parsing ================================================================ */

static void
set_malformed (GError            **error,
               const char         *display_name,
               const Diagnostics  *diagnostics)
{
  g_set_error (error, PALIER_PROGRAM_ERROR, PALIER_PROGRAM_ERROR_MALFORMED,
               /* Translators: file name, line, then what is wrong. */
               _("%s:%d: not well-formed XML: %s"),
               display_name, diagnostics->line,
               diagnostics->message != NULL ? diagnostics->message : _("unknown error"));
}

/* Parses @data into a tree without network access, entity substitution
 * or DTD loading, and rejects any DOCTYPE before its content is read. */
static xmlDoc *
parse_document (const char  *data,
                gsize        len,
                const char  *display_name,
                GError     **error)
{
  g_autoptr(xmlParserCtxt) context = NULL;
  g_autoptr(xmlDoc) doc = NULL;
  Diagnostics diagnostics = { 0, };
  gboolean ok = FALSE;

  if (len > INT_MAX)
    {
      g_set_error (error, PALIER_PROGRAM_ERROR, PALIER_PROGRAM_ERROR_MALFORMED,
                   _("%s: the file is too large for a program (%llu bytes)"),
                   display_name, (unsigned long long) len);
      return NULL;
    }

  context = xmlNewParserCtxt ();
  if (context == NULL)
    g_error ("libxml2 could not allocate a parser context");

  context->_private = &diagnostics;
  context->sax->internalSubset = on_internal_subset;
  context->sax->serror = on_parser_error;

  doc = xmlCtxtReadMemory (context, data, (int) len, display_name, NULL, XML_PARSE_NONET);

  if (diagnostics.has_doctype)
    {
      g_set_error (error, PALIER_PROGRAM_ERROR, PALIER_PROGRAM_ERROR_FORBIDDEN,
                   _("%s:%d: a DOCTYPE is not allowed in a program file, because it can declare entities; remove the <!DOCTYPE …> declaration"),
                   display_name, diagnostics.doctype_line);
    }
  else if (doc == NULL || diagnostics.message != NULL
           || !context->wellFormed || !context->nsWellFormed)
    {
      set_malformed (error, display_name, &diagnostics);
    }
  else
    {
      ok = TRUE;
    }

  diagnostics_clear (&diagnostics);
  if (!ok)
    return NULL;
  return g_steal_pointer (&doc);
}

/* Schema ================================================================= */

typedef struct {
  xmlSchema *schema;
  char      *error_message;
} CompiledSchema;

static void
on_schema_compile_error (void     *user_data,
                         xmlError *error)
{
  diagnostics_add (user_data, error, copy_raw_message);
}

static CompiledSchema *
compile_schema (void)
{
  CompiledSchema *compiled = g_new0 (CompiledSchema, 1);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(xmlSchemaParserCtxt) context = NULL;
  g_autoptr(GError) local_error = NULL;
  Diagnostics diagnostics = { 0, };
  gsize size;
  const char *data;

  bytes = g_resources_lookup_data (SCHEMA_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &local_error);
  if (bytes == NULL)
    {
      compiled->error_message = g_strdup (local_error->message);
      return compiled;
    }

  data = g_bytes_get_data (bytes, &size);
  context = xmlSchemaNewMemParserCtxt (data, (int) size);
  xmlSchemaSetParserStructuredErrors (context, on_schema_compile_error, &diagnostics);
  compiled->schema = xmlSchemaParse (context);

  if (compiled->schema == NULL)
    compiled->error_message = g_strdup_printf ("%s:%d: %s", SCHEMA_RESOURCE, diagnostics.line,
                                               diagnostics.message != NULL ? diagnostics.message : "?");
  diagnostics_clear (&diagnostics);
  return compiled;
}

/* Returns the schema, compiled on first use and kept for the life of the
 * process.  xmlSchemaParse() initialises libxml2's global type tables
 * without a lock, so it runs once, under g_once.  Validation contexts in
 * several threads then share the compiled schema, which validation only
 * reads (the read/threads test runs four readers at once). */
static xmlSchema *
get_schema (GError **error)
{
  static CompiledSchema *compiled;

  if (g_once_init_enter (&compiled))
    g_once_init_leave (&compiled, compile_schema ());

  if (compiled->schema == NULL)
    {
      g_set_error (error, PALIER_PROGRAM_ERROR, PALIER_PROGRAM_ERROR_SCHEMA,
                   _("The program schema could not be loaded: %s"), compiled->error_message);
      return NULL;
    }
  return compiled->schema;
}

/* Plain messages for the validation errors --------------------------------
 *
 * The error's node is the element concerned.  For attribute errors,
 * str1 is the attribute (required, not allowed) or the value (facets,
 * types), str2 the pattern, the enumeration or a length, str3 a maximum
 * length.  What the fields do not give (the attribute of a value, the
 * expected elements, the type) is read from libxml2 2.9.14's message. */

/* Returns @name without a "{namespace}" prefix. */
static const char *
local_name (const char *name)
{
  const char *brace = name[0] == '{' ? strchr (name, '}') : NULL;

  return brace != NULL ? brace + 1 : name;
}

/* Returns the text of @message between @before and the next quote, or
 * NULL when @before is absent. */
static char *
quoted_after (const char *message,
              const char *before)
{
  const char *start = message != NULL ? strstr (message, before) : NULL;
  const char *end;

  if (start == NULL)
    return NULL;
  start += strlen (before);
  end = strchr (start, '\'');
  if (end == NULL)
    return NULL;
  return g_strndup (start, end - start);
}

/* Returns the attribute that a message "Element 'x', attribute 'y': …"
 * is about, without its namespace, or NULL. */
static char *
message_attribute (const char *message)
{
  g_autofree char *attribute = quoted_after (message, ", attribute '");

  return attribute != NULL ? g_strdup (local_name (attribute)) : NULL;
}

/* Returns the elements listed in "Expected is one of ( a, b )." or
 * "Expected is ( a ).", written "<a>, <b>", and their number in
 * @n_names; NULL when the message lists none. */
static char *
message_expected (const char *message,
                  guint      *n_names)
{
  const char *start = message != NULL ? strstr (message, "Expected is ") : NULL;
  const char *end;
  g_autofree char *list = NULL;
  g_auto(GStrv) names = NULL;
  g_autoptr(GString) result = g_string_new (NULL);

  *n_names = 0;
  if (start == NULL || (start = strchr (start, '(')) == NULL
      || (end = strchr (start, ')')) == NULL)
    return NULL;

  list = g_strndup (start + 1, end - start - 1);
  names = g_strsplit (list, ",", -1);
  for (guint i = 0; names[i] != NULL; i++)
    {
      const char *name = local_name (g_strstrip (names[i]));

      if (name[0] == '\0')
        continue;
      if (result->len > 0)
        g_string_append (result, ", ");
      g_string_append_printf (result, "<%s>", name);
      (*n_names)++;
    }
  return *n_names > 0 ? g_string_free (g_steal_pointer (&result), FALSE) : NULL;
}

/* Returns the name of @node as written, with its prefix ("q:quota"). */
static char *
written_name (const xmlNode *node)
{
  if (node == NULL)
    return g_strdup ("?");
  if (node->ns != NULL && node->ns->prefix != NULL)
    return g_strdup_printf ("%s:%s", node->ns->prefix, node->name);
  return g_strdup ((const char *) node->name);
}

static gboolean
in_program_namespace (const xmlNode *node)
{
  return node->ns != NULL && g_strcmp0 ((const char *) node->ns->href, PALIER_PROGRAM_NAMESPACE) == 0;
}

static char *
explain_root (const xmlNode *root)
{
  g_autofree char *name = written_name (root);

  if (root == NULL || !g_str_equal (root->name, "program"))
    return g_strdup_printf (_("the root element is <%s>, but a program file starts with "
                              "<program xmlns=\"%s\">"), name, PALIER_PROGRAM_NAMESPACE);

  if (root->ns == NULL)
    return g_strdup_printf (_("<%s> is not in the Palier program namespace “%s”; "
                              "add xmlns=\"%s\""),
                            name, PALIER_PROGRAM_NAMESPACE, PALIER_PROGRAM_NAMESPACE);

  return g_strdup_printf (_("<%s> is in the namespace “%s”, not in the Palier program "
                            "namespace “%s”; write xmlns=\"%s\""),
                          name, (const char *) root->ns->href, PALIER_PROGRAM_NAMESPACE,
                          PALIER_PROGRAM_NAMESPACE);
}

static char *
explain_missing_child (const xmlNode *element,
                       const char    *message)
{
  g_autofree char *name = written_name (element);
  g_autofree char *expected = NULL;
  guint n_expected;

  expected = message_expected (message, &n_expected);
  if (n_expected > 1)
    return g_strdup_printf (_("<%s> is incomplete; add one of %s"), name, expected);
  if (n_expected == 1)
    return g_strdup_printf (_("<%s> is incomplete; add %s"), name, expected);
  return g_strdup_printf (_("<%s> is incomplete; add the elements it needs"), name);
}

/* An element where the content model does not allow it: in another
 * namespace, misspelt, out of order or repeated. */
static char *
explain_unexpected_child (const xmlNode *element,
                          const char    *message)
{
  g_autofree char *name = written_name (element);
  g_autofree char *parent = NULL;
  g_autofree char *expected = NULL;
  guint n_expected;

  if (element != NULL && !in_program_namespace (element))
    return g_strdup_printf (_("<%s> is not in the Palier program namespace “%s”; write it in "
                              "the same namespace as <program>"),
                            name, PALIER_PROGRAM_NAMESPACE);

  parent = element != NULL && element->parent != NULL && element->parent->type == XML_ELEMENT_NODE
           ? written_name (element->parent) : g_strdup ("program");
  expected = message_expected (message, &n_expected);
  if (n_expected > 1)
    return g_strdup_printf (_("<%s> is not allowed here in <%s>; expected one of %s"),
                            name, parent, expected);
  if (n_expected == 1)
    return g_strdup_printf (_("<%s> is not allowed here in <%s>; expected %s"),
                            name, parent, expected);
  return g_strdup_printf (_("<%s> is not allowed here in <%s>; check the order of the "
                            "elements and how many times each may appear"), name, parent);
}

/* A value that its type or pattern rejects, explained by the type of
 * the XSD that it belongs to: @pattern for a pattern error, else
 * @type_name for a type error. */
static char *
explain_value (const char *element,
               const char *attribute,
               const char *value,
               const char *pattern,
               const char *type_name)
{
  const char *pattern_or_empty = pattern != NULL ? pattern : "";
  const char *type_or_empty = type_name != NULL ? type_name : "";

  if (g_str_has_prefix (pattern_or_empty, "\\+?[0-9]") && value[0] == '-')
    return g_strdup_printf (_("invalid value “%s” in the attribute “%s” of <%s>; it must be "
                              "zero or more"), value, attribute, element);

  if (strstr (pattern_or_empty, "{1,6}0*") != NULL)
    return g_strdup_printf (_("invalid number “%s” in the attribute “%s” of <%s>; write digits "
                              "with “.” as the decimal mark, no grouping and at most 6 decimals, "
                              "such as 0.05"), value, attribute, element);

  if (g_str_has_prefix (pattern_or_empty, "[A-Za-z0-9_]"))
    return g_strdup_printf (_("invalid id “%s” in the attribute “%s” of <%s>; use letters, "
                              "digits, “_”, “.” or “-”, starting with a letter, digit or “_”"),
                            value, attribute, element);

  if (g_str_has_prefix (pattern_or_empty, "[A-Z]{3}"))
    return g_strdup_printf (_("invalid currency “%s” in the attribute “%s” of <%s>; use a "
                              "three-letter ISO 4217 code in capitals, such as USD or EUR"),
                            value, attribute, element);

  if (g_str_has_prefix (pattern_or_empty, "[0-9]{4}-") || g_str_equal (type_or_empty, "Date"))
    return g_strdup_printf (_("invalid date “%s” in the attribute “%s” of <%s>; write a real "
                              "date as YYYY-MM-DD, such as 2017-01-31"), value, attribute, element);

  if (g_str_has_prefix (pattern_or_empty, "[1-9]|") || g_str_equal (type_or_empty, "Month"))
    return g_strdup_printf (_("invalid month “%s” in the attribute “%s” of <%s>; give a month "
                              "number from 1 to 12"), value, attribute, element);

  if (g_str_has_prefix (pattern_or_empty, "[1-9][0-9]") || g_str_equal (type_or_empty, "Count"))
    return g_strdup_printf (_("invalid count “%s” in the attribute “%s” of <%s>; give a whole "
                              "number from 1 to 999999999"), value, attribute, element);

  return g_strdup_printf (_("invalid value “%s” in the attribute “%s” of <%s>"),
                          value, attribute, element);
}

/* "'month', 'quarter'" as "month, quarter". */
static char *
enumeration_list (const char *set)
{
  g_autoptr(GString) list = g_string_new (set);

  g_string_replace (list, "'", "", 0);
  return g_string_free (g_steal_pointer (&list), FALSE);
}

static char *
explain_facet (const xmlError *error,
               const char     *element,
               const char     *attribute)
{
  const char *value = error->str1 != NULL ? error->str1 : "";
  g_autofree char *type_name = NULL;
  g_autofree char *set = NULL;

  switch (error->code)
    {
    case XML_SCHEMAV_CVC_ENUMERATION_VALID:
      set = enumeration_list (error->str2 != NULL ? error->str2 : "");
      return g_strdup_printf (_("invalid value “%s” in the attribute “%s” of <%s>; use one of %s"),
                              value, attribute, element, set);
    case XML_SCHEMAV_CVC_MINLENGTH_VALID:
      return g_strdup_printf (_("the attribute “%s” of <%s> is empty; give it a value"),
                              attribute, element);
    case XML_SCHEMAV_CVC_MAXLENGTH_VALID:
      return g_strdup_printf (_("the attribute “%s” of <%s> is %s characters long; the maximum "
                                "is %s"), attribute, element,
                              error->str2 != NULL ? error->str2 : "?",
                              error->str3 != NULL ? error->str3 : "?");
    case XML_SCHEMAV_CVC_PATTERN_VALID:
      return explain_value (element, attribute, value, error->str2, NULL);
    default:
      type_name = quoted_after (error->message, "atomic type '");
      return explain_value (element, attribute, value, NULL,
                            type_name != NULL ? local_name (type_name) : NULL);
    }
}

static char *
explain_validation_error (const xmlError *error)
{
  const xmlNode *element = error->node;
  g_autofree char *name = NULL;
  g_autofree char *attribute = NULL;

  if (element != NULL && element->type == XML_ATTRIBUTE_NODE)
    element = element->parent;
  name = written_name (element);
  attribute = message_attribute (error->message);

  switch (error->code)
    {
    case XML_SCHEMAV_CVC_ELT_1:
      return explain_root (element);
    case XML_SCHEMAV_ELEMENT_CONTENT:
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_4:
      if (error->message != NULL && strstr (error->message, "Missing child element") != NULL)
        return explain_missing_child (element, error->message);
      return explain_unexpected_child (element, error->message);
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_4:
      return g_strdup_printf (_("<%s> is missing the required attribute “%s”; add %s=\"…\""),
                              name, error->str1, error->str1);
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_1:
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_3_2_2:
      return g_strdup_printf (_("<%s> does not take the attribute “%s”; remove it or check its "
                                "spelling"), name, local_name (error->str1 != NULL ? error->str1 : "?"));
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_1:
      return g_strdup_printf (_("<%s> must be empty; remove what is between <%s> and </%s>"),
                              name, name, name);
    case XML_SCHEMAV_CVC_COMPLEX_TYPE_2_3:
      return g_strdup_printf (_("text directly inside <%s> is not allowed; remove it, or make it "
                                "a comment <!-- … -->"), name);
    case XML_SCHEMAV_CVC_ENUMERATION_VALID:
    case XML_SCHEMAV_CVC_PATTERN_VALID:
    case XML_SCHEMAV_CVC_MINLENGTH_VALID:
    case XML_SCHEMAV_CVC_MAXLENGTH_VALID:
    case XML_SCHEMAV_CVC_DATATYPE_VALID_1_2_1:
      if (attribute != NULL)
        return explain_facet (error, name, attribute);
      break;
    default:
      break;
    }

  /* The other codes come from XSD features that this schema does not
   * use, such as xsi:nil, so no plainer sentence is known for them. */
  return g_strdup_printf (_("<%s> does not follow the program schema; compare it with the "
                            "program format"), name);
}

static void
on_validation_error (void     *user_data,
                     xmlError *error)
{
  diagnostics_add (user_data, error, explain_validation_error);
}

static gboolean
validate_document (xmlDoc      *doc,
                   const char  *display_name,
                   GError     **error)
{
  g_autoptr(xmlSchemaValidCtxt) context = NULL;
  Diagnostics diagnostics = { 0, };
  xmlSchema *schema = get_schema (error);
  int result;

  if (schema == NULL)
    return FALSE;

  context = xmlSchemaNewValidCtxt (schema);
  if (context == NULL)
    g_error ("libxml2 could not allocate a schema validation context");

  xmlSchemaSetValidStructuredErrors (context, on_validation_error, &diagnostics);
  result = xmlSchemaValidateDoc (context, doc);
  if (result == 0)
    {
      diagnostics_clear (&diagnostics);
      return TRUE;
    }

  g_set_error (error, PALIER_PROGRAM_ERROR, PALIER_PROGRAM_ERROR_SCHEMA,
               /* Translators: file name, line, then what is wrong. */
               _("%s:%d: not a valid program: %s"),
               display_name, diagnostics.line,
               diagnostics.message != NULL ? diagnostics.message : _("unknown error"));
  diagnostics_clear (&diagnostics);
  return FALSE;
}

/* Building the model ===================================================== */

/* The tree is valid against the XSD when it reaches these functions, so
 * they only report what the XSD cannot: decimals out of range, a tier with
 * both rate and per-unit, an override that does not match its tier. */
typedef struct {
  const char             *display_name;
  GHashTable             *lines;
  GError                **error;

  /* The component being read and its element, named in errors. */
  const PalierComponent  *component;
  xmlNode                *component_node;
} Reader;

static const char *
node_name (const xmlNode *node)
{
  return (const char *) node->name;
}

static gboolean
node_is (const xmlNode *node,
         const char    *name)
{
  return strcmp (node_name (node), name) == 0;
}

/* Returns a copy of the attribute @name of @node, or NULL when absent. */
static char *
get_attribute (xmlNode    *node,
               const char *name)
{
  xmlChar *value = xmlGetNoNsProp (node, (const xmlChar *) name);
  char *copy;

  if (value == NULL)
    return NULL;

  copy = g_strdup ((const char *) value);
  xmlFree (value);
  return copy;
}

static void
record_line (Reader        *reader,
             gconstpointer  site,
             xmlNode       *node)
{
  g_hash_table_insert (reader->lines, (gpointer) site, GINT_TO_POINTER ((int) xmlGetLineNo (node)));
}

/* Maximum length, in characters, of an attribute value quoted in an
 * error. */
#define MAX_QUOTED_LENGTH 40

/* "<tier from="0.5">": the element with the attribute that identifies it,
 * as the checks name elements. */
static char *
describe_node (xmlNode *node)
{
  static const char * const keys[] = { "id", "from", "min", "segment", "max", "amount", "field" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_autofree char *value = get_attribute (node, keys[i]);

      if (value == NULL)
        continue;

      if (g_utf8_strlen (value, -1) > MAX_QUOTED_LENGTH)
        {
          g_autofree char *start = g_utf8_substring (value, 0, MAX_QUOTED_LENGTH);

          return g_strdup_printf ("<%s %s=\"%s…\">", node_name (node), keys[i], start);
        }
      return g_strdup_printf ("<%s %s=\"%s\">", node_name (node), keys[i], value);
    }
  return g_strdup_printf ("<%s>", node_name (node));
}

G_GNUC_PRINTF (3, 4)
static gboolean
fail_at (Reader     *reader,
         xmlNode    *node,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  g_autofree char *element = describe_node (node);
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (reader->component != NULL && node != reader->component_node)
    {
      /* Translators: file name, line, an XML element, the component's
       * element name and id, then the problem. */
      g_set_error (reader->error, PALIER_PROGRAM_ERROR, PALIER_PROGRAM_ERROR_INVALID,
                   _("%s:%ld: %s in %s “%s”: %s"),
                   reader->display_name, xmlGetLineNo (node), element,
                   _palier_component_kind_to_element (reader->component->kind),
                   reader->component->id, message);
    }
  else
    {
      /* Translators: file name, line, an XML element, then the problem. */
      g_set_error (reader->error, PALIER_PROGRAM_ERROR, PALIER_PROGRAM_ERROR_INVALID,
                   _("%s:%ld: %s: %s"),
                   reader->display_name, xmlGetLineNo (node), element, message);
    }
  return FALSE;
}

/* Reads the decimal attribute @name; when it is absent, returns TRUE and
 * sets *present to FALSE (or fails when @present is NULL). */
static gboolean
read_decimal (Reader        *reader,
              xmlNode       *node,
              const char    *name,
              PalierDecimal *out,
              gboolean      *present)
{
  g_autofree char *text = get_attribute (node, name);
  g_autoptr(GError) local_error = NULL;

  if (present != NULL)
    *present = text != NULL;

  if (text == NULL)
    {
      if (present != NULL)
        return TRUE;
      return fail_at (reader, node, _("attribute “%s” is missing"), name);
    }

  if (!palier_decimal_parse (text, -1, out, &local_error))
    return fail_at (reader, node, _("attribute “%s”: %s"), name, local_error->message);

  return TRUE;
}

static gboolean
read_text (Reader      *reader,
           xmlNode     *node,
           const char  *name,
           char       **out)
{
  char *text = get_attribute (node, name);

  if (text == NULL)
    return fail_at (reader, node, _("attribute “%s” is missing"), name);

  g_free (*out);
  *out = text;
  return TRUE;
}

/* Reads an unsigned integer attribute, as the XSD allows it: surrounded by
 * spaces or not. */
static gboolean
read_unsigned (Reader     *reader,
               xmlNode    *node,
               const char *name,
               guint64     min,
               guint64     max,
               guint64    *out)
{
  g_autofree char *text = get_attribute (node, name);
  g_autoptr(GError) local_error = NULL;

  if (text == NULL)
    return fail_at (reader, node, _("attribute “%s” is missing"), name);

  if (!g_ascii_string_to_unsigned (g_strstrip (text), 10, min, max, out, &local_error))
    return fail_at (reader, node, _("attribute “%s”: %s"), name, local_error->message);

  return TRUE;
}

static gboolean
read_date (Reader     *reader,
           xmlNode    *node,
           const char *name,
           PalierDate *out)
{
  g_autofree char *text = get_attribute (node, name);

  if (text == NULL)
    return TRUE;

  if (!palier_date_parse_iso (g_strstrip (text), out))
    return fail_at (reader, node, _("attribute “%s”: invalid date “%s”; write it as YYYY-MM-DD"),
                    name, text);
  return TRUE;
}

static gboolean
fail_unknown_value (Reader     *reader,
                    xmlNode    *node,
                    const char *name,
                    const char *text)
{
  return fail_at (reader, node, _("attribute “%s”: unknown value “%s”"), name, text);
}

/* Defines a reader of an enumerated attribute that goes through @parse,
 * one of the palier_*_from_string() functions; *out is kept when the
 * attribute is absent. */
#define DEFINE_ENUM_READER(function, Type, parse)                            \
  static gboolean                                                            \
  function (Reader     *reader,                                              \
            xmlNode    *node,                                                \
            const char *name,                                                \
            Type       *out)                                                 \
  {                                                                          \
    g_autofree char *text = get_attribute (node, name);                      \
                                                                             \
    if (text != NULL && !parse (text, out))                                  \
      return fail_unknown_value (reader, node, name, text);                  \
    return TRUE;                                                             \
  }

DEFINE_ENUM_READER (read_measure, PalierMeasure, palier_measure_from_string)
DEFINE_ENUM_READER (read_basis, PalierBasis, palier_basis_from_string)
DEFINE_ENUM_READER (read_method, PalierMethod, palier_method_from_string)
DEFINE_ENUM_READER (read_negative, PalierNegativePolicy, palier_negative_from_string)
DEFINE_ENUM_READER (read_period, PalierPeriodKind, palier_period_kind_from_string)
DEFINE_ENUM_READER (read_filter_field, PalierFilterField, palier_filter_field_from_string)
DEFINE_ENUM_READER (read_reward_kind, PalierRewardKind, palier_reward_kind_from_string)

static guint
count_children (xmlNode    *node,
                const char *name)
{
  guint count = 0;

  for (xmlNode *child = xmlFirstElementChild (node); child != NULL; child = xmlNextElementSibling (child))
    {
      if (node_is (child, name))
        count++;
    }
  return count;
}

/* Filter ------------------------------------------------------------------ */

static void
add_filter_value (Reader          *reader,
                  PalierComponent *component,
                  PalierFilterField field,
                  const char      *value,
                  xmlNode         *node)
{
  GPtrArray *values;

  palier_filter_add_value (&component->filter, field, value);
  values = component->filter.values[field];
  record_line (reader, g_ptr_array_index (values, values->len - 1), node);
}

static gboolean
read_filter (Reader          *reader,
             xmlNode         *node,
             PalierComponent *component)
{
  PalierFilter *filter = &component->filter;

  record_line (reader, filter, node);

  /* The attribute form: one value per field. */
  for (guint field = 0; field < PALIER_N_FILTER_FIELDS; field++)
    {
      g_autofree char *value = get_attribute (node, palier_filter_field_to_string (field));

      if (value != NULL)
        add_filter_value (reader, component, field, value, node);
    }

  if (!read_date (reader, node, "start", &filter->start)
      || !read_date (reader, node, "end", &filter->end))
    return FALSE;

  /* <include field="…" value="…"/>: more values, alternatives of the same
   * field. */
  for (xmlNode *child = xmlFirstElementChild (node); child != NULL; child = xmlNextElementSibling (child))
    {
      g_autofree char *value = NULL;
      PalierFilterField field = PALIER_FILTER_CATEGORY;

      if (!read_filter_field (reader, child, "field", &field)
          || !read_text (reader, child, "value", &value))
        return FALSE;

      add_filter_value (reader, component, field, value, child);
    }
  return TRUE;
}

/* Commission ---------------------------------------------------------------- */

/* Reads the value of a tier or of a tier override: exactly one of "rate"
 * and "per-unit". */
static gboolean
read_tier_value (Reader         *reader,
                 xmlNode        *node,
                 PalierTierKind *out_kind,
                 PalierDecimal  *out_value)
{
  PalierDecimal rate = 0, per_unit = 0;
  gboolean has_rate, has_per_unit;

  if (!read_decimal (reader, node, "rate", &rate, &has_rate)
      || !read_decimal (reader, node, "per-unit", &per_unit, &has_per_unit))
    return FALSE;

  if (has_rate && has_per_unit)
    return fail_at (reader, node, _("give either “rate” or “per-unit”, not both"));
  if (!has_rate && !has_per_unit)
    return fail_at (reader, node, _("give a “rate” (a fraction of the base) or a “per-unit” amount"));

  *out_kind = has_rate ? PALIER_TIER_RATE : PALIER_TIER_PER_UNIT;
  *out_value = has_rate ? rate : per_unit;
  return TRUE;
}

/* Records the line of each override of @overrides, read from the
 * <override> children of @node in the same order.  The addresses that
 * key the lines are stable once every override has been appended. */
static void
record_override_lines (Reader       *reader,
                       xmlNode      *node,
                       const GArray *overrides)
{
  guint i = 0;

  for (xmlNode *child = xmlFirstElementChild (node); child != NULL; child = xmlNextElementSibling (child))
    record_line (reader, &g_array_index (overrides, PalierOverride, i++), child);
}

static gboolean
read_tier (Reader     *reader,
           xmlNode    *node,
           PalierTier *tier)
{
  record_line (reader, tier, node);

  if (!read_decimal (reader, node, "from", &tier->from, NULL)
      || !read_tier_value (reader, node, &tier->kind, &tier->value))
    return FALSE;

  for (xmlNode *child = xmlFirstElementChild (node); child != NULL; child = xmlNextElementSibling (child))
    {
      g_autofree char *segment = NULL;
      PalierTierKind kind;
      PalierDecimal value;

      if (!read_text (reader, child, "segment", &segment)
          || !read_tier_value (reader, child, &kind, &value))
        return FALSE;

      if (kind != tier->kind)
        return fail_at (reader, child, _("the override must give “%s”, like its tier"),
                        tier->kind == PALIER_TIER_RATE ? "rate" : "per-unit");

      palier_tier_add_override (tier, segment, value);
    }

  if (tier->overrides != NULL)
    record_override_lines (reader, node, tier->overrides);
  return TRUE;
}

static gboolean
read_tiers (Reader          *reader,
            xmlNode         *node,
            PalierComponent *component)
{
  guint i = 0;

  /* Sized up front so that the address of each tier, which keys its line,
   * does not move. */
  g_array_set_size (component->tiers, count_children (node, "tier"));

  for (xmlNode *child = xmlFirstElementChild (node); child != NULL; child = xmlNextElementSibling (child))
    {
      if (node_is (child, "tier")
          && !read_tier (reader, child, &g_array_index (component->tiers, PalierTier, i++)))
        return FALSE;
    }
  return TRUE;
}

static gboolean
read_commission (Reader          *reader,
                 xmlNode         *node,
                 PalierComponent *component)
{
  if (!read_basis (reader, node, "basis", &component->basis)
      || !read_method (reader, node, "method", &component->method)
      || !read_negative (reader, node, "negative", &component->negative)
      || !read_tiers (reader, node, component))
    return FALSE;

  for (xmlNode *child = xmlFirstElementChild (node); child != NULL; child = xmlNextElementSibling (child))
    {
      if (node_is (child, "gate"))
        {
          record_line (reader, &component->gate, child);
          component->has_gate = TRUE;
          if (!read_decimal (reader, child, "min", &component->gate, NULL))
            return FALSE;
        }
      else if (node_is (child, "cap"))
        {
          record_line (reader, &component->cap, child);
          component->has_cap = TRUE;
          if (!read_decimal (reader, child, "max", &component->cap, NULL))
            return FALSE;
        }
    }
  return TRUE;
}

/* Bonus --------------------------------------------------------------------- */

static gboolean
read_level (Reader      *reader,
            xmlNode     *node,
            PalierLevel *level)
{
  record_line (reader, level, node);

  if (!read_decimal (reader, node, "min", &level->min, NULL)
      || !read_decimal (reader, node, "amount", &level->amount, NULL))
    return FALSE;

  for (xmlNode *child = xmlFirstElementChild (node); child != NULL; child = xmlNextElementSibling (child))
    {
      g_autofree char *segment = NULL;
      PalierDecimal amount;

      if (!read_text (reader, child, "segment", &segment)
          || !read_decimal (reader, child, "amount", &amount, NULL))
        return FALSE;

      palier_level_add_override (level, segment, amount);
    }

  if (level->overrides != NULL)
    record_override_lines (reader, node, level->overrides);
  return TRUE;
}

static gboolean
read_bonus (Reader          *reader,
            xmlNode         *node,
            PalierComponent *component)
{
  guint i = 0;

  if (!read_basis (reader, node, "basis", &component->basis))
    return FALSE;

  /* Sized up front: see read_tiers(). */
  g_array_set_size (component->levels, count_children (node, "level"));

  for (xmlNode *child = xmlFirstElementChild (node); child != NULL; child = xmlNextElementSibling (child))
    {
      if (node_is (child, "level")
          && !read_level (reader, child, &g_array_index (component->levels, PalierLevel, i++)))
        return FALSE;
    }
  return TRUE;
}

/* Deal bonus and reward ----------------------------------------------------- */

static gboolean
read_deal_bonus (Reader          *reader,
                 xmlNode         *node,
                 PalierComponent *component)
{
  return read_decimal (reader, node, "min", &component->deal_min, NULL)
         && read_decimal (reader, node, "amount", &component->deal_amount, NULL)
         && read_decimal (reader, node, "rate", &component->deal_rate, &component->has_deal_rate);
}

static gboolean
read_reward (Reader          *reader,
             xmlNode         *node,
             PalierComponent *component)
{
  if (!read_reward_kind (reader, node, "kind", &component->reward_kind)
      || !read_decimal (reader, node, "unit-cost", &component->unit_cost, NULL))
    return FALSE;

  for (xmlNode *child = xmlFirstElementChild (node); child != NULL; child = xmlNextElementSibling (child))
    {
      if (node_is (child, "top"))
        {
          guint64 count;

          record_line (reader, &component->top_count, child);
          if (!read_unsigned (reader, child, "count", 1, G_MAXUINT, &count))
            return FALSE;
          component->reward_rule = PALIER_REWARD_RULE_TOP;
          component->top_count = (guint) count;
        }
      else if (node_is (child, "threshold"))
        {
          record_line (reader, &component->threshold_min, child);
          component->reward_rule = PALIER_REWARD_RULE_THRESHOLD;
          if (!read_basis (reader, child, "basis", &component->threshold_basis)
              || !read_decimal (reader, child, "min", &component->threshold_min, NULL))
            return FALSE;
        }
    }
  return TRUE;
}

/* Components ---------------------------------------------------------------- */

static gboolean
component_kind_from_name (const char          *name,
                          PalierComponentKind *out)
{
  static const char * const names[] = { "commission", "bonus", "deal-bonus", "reward" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (strcmp (names[i], name) == 0)
        {
          *out = (PalierComponentKind) i;
          return TRUE;
        }
    }
  return FALSE;
}

static PalierComponent *
read_component (Reader              *reader,
                xmlNode             *node,
                PalierComponentKind  kind)
{
  g_autoptr(PalierComponent) component = palier_component_new (kind, "", "");
  g_autofree char *period = get_attribute (node, "period");
  gboolean ok;

  record_line (reader, component, node);

  reader->component = component;
  reader->component_node = node;

  if (!read_text (reader, node, "id", &component->id)
      || !read_text (reader, node, "name", &component->name)
      || !read_measure (reader, node, "measure", &component->measure))
    return NULL;

  if (period != NULL)
    {
      component->has_period = TRUE;
      if (!read_period (reader, node, "period", &component->period))
        return NULL;
    }

  for (xmlNode *child = xmlFirstElementChild (node); child != NULL; child = xmlNextElementSibling (child))
    {
      if (node_is (child, "filter") && !read_filter (reader, child, component))
        return NULL;
    }

  switch (kind)
    {
    case PALIER_COMPONENT_COMMISSION:
      ok = read_commission (reader, node, component);
      break;
    case PALIER_COMPONENT_BONUS:
      ok = read_bonus (reader, node, component);
      break;
    case PALIER_COMPONENT_DEAL_BONUS:
      ok = read_deal_bonus (reader, node, component);
      break;
    case PALIER_COMPONENT_REWARD:
      ok = read_reward (reader, node, component);
      break;
    default:
      g_assert_not_reached ();
    }

  if (!ok)
    return NULL;

  reader->component = NULL;
  reader->component_node = NULL;
  return g_steal_pointer (&component);
}

/* Program ------------------------------------------------------------------- */

static gboolean
read_program_attributes (Reader        *reader,
                         xmlNode       *node,
                         PalierProgram *program)
{
  g_autofree char *fiscal_year_start = get_attribute (node, "fiscal-year-start");

  record_line (reader, program, node);

  if (!read_text (reader, node, "id", &program->id)
      || !read_text (reader, node, "name", &program->name)
      || !read_text (reader, node, "currency", &program->currency)
      || !read_period (reader, node, "period", &program->period))
    return FALSE;

  if (fiscal_year_start != NULL)
    {
      guint64 month;

      if (!read_unsigned (reader, node, "fiscal-year-start", 1, 12, &month))
        return FALSE;
      program->fiscal_year_start = (int) month;
    }
  return TRUE;
}

static gboolean
read_program_children (Reader        *reader,
                       xmlNode       *node,
                       PalierProgram *program)
{
  guint n_segments = count_children (node, "segment");
  guint segment_index = 0;

  /* Sized up front: see read_tiers(). */
  g_array_set_size (program->segment_quotas, n_segments);

  for (xmlNode *child = xmlFirstElementChild (node); child != NULL; child = xmlNextElementSibling (child))
    {
      PalierComponentKind kind;

      if (node_is (child, "quota"))
        {
          record_line (reader, &program->quota, child);
          program->has_quota = TRUE;
          if (!read_decimal (reader, child, "amount", &program->quota, NULL))
            return FALSE;
        }
      else if (node_is (child, "segment"))
        {
          PalierSegmentQuota *segment_quota =
            &g_array_index (program->segment_quotas, PalierSegmentQuota, segment_index++);

          record_line (reader, segment_quota, child);
          if (!read_text (reader, child, "id", &segment_quota->segment)
              || !read_decimal (reader, child, "quota", &segment_quota->quota, NULL))
            return FALSE;
        }
      else if (component_kind_from_name (node_name (child), &kind))
        {
          PalierComponent *component = read_component (reader, child, kind);

          if (component == NULL)
            return FALSE;
          palier_program_add_component (program, component);
        }
      else
        {
          return fail_at (reader, child, _("unexpected element"));
        }
    }
  return TRUE;
}

static PalierProgram *
build_program (xmlDoc      *doc,
               const char  *display_name,
               GError     **error)
{
  g_autoptr(GHashTable) lines = g_hash_table_new (NULL, NULL);
  g_autoptr(PalierProgram) program = palier_program_new ("", "");
  Reader reader = { display_name, lines, error, NULL, NULL };
  xmlNode *root = xmlDocGetRootElement (doc);

  if (!read_program_attributes (&reader, root, program)
      || !read_program_children (&reader, root, program))
    return NULL;

  if (!_palier_program_check_located (program, display_name, lines, error))
    return NULL;

  return g_steal_pointer (&program);
}

/* Reading entry points =================================================== */

PalierProgram *
palier_program_read_data (const char  *data,
                          gsize        len,
                          const char  *display_name,
                          GError     **error)
{
  g_autoptr(xmlDoc) doc = NULL;

  g_return_val_if_fail (data != NULL || len == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  palier_core_init ();

  doc = parse_document (data != NULL ? data : "", len, display_name, error);
  if (doc == NULL)
    return NULL;

  if (!validate_document (doc, display_name, error))
    return NULL;

  return build_program (doc, display_name, error);
}

/* Returns why a file could not be read, in plain words with what to do
 * for the usual causes, else GLib's message. */
static char *
describe_read_error (const GError *error)
{
  if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    return g_strdup (_("file not found; check the path"));
  if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR))
    return g_strdup (_("this is a folder; give the path of a program file"));
  if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_ACCES)
      || g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_PERM))
    return g_strdup (_("permission denied; check that you may read this file"));
  return g_strdup (error->message);
}

PalierProgram *
palier_program_read_file (const char  *path,
                          GError     **error)
{
  g_autofree char *display_name = NULL;
  g_autofree char *data = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  display_name = g_filename_display_name (path);
  if (!g_file_get_contents (path, &data, &len, &local_error))
    {
      g_autofree char *reason = describe_read_error (local_error);

      g_set_error (error, PALIER_PROGRAM_ERROR, PALIER_PROGRAM_ERROR_IO,
                   _("Failed to read the program “%s”: %s"), display_name, reason);
      return NULL;
    }

  return palier_program_read_data (data, len, display_name, error);
}

/* Writing ================================================================ */

/* An xmlTextWriter and whether any of its calls failed: after a failure
 * the other calls do nothing. */
typedef struct {
  xmlTextWriter *writer;
  gboolean       failed;
} Writer;

static void
start_element (Writer     *writer,
               const char *name)
{
  if (!writer->failed && xmlTextWriterStartElement (writer->writer, (const xmlChar *) name) < 0)
    writer->failed = TRUE;
}

static void
end_element (Writer *writer)
{
  if (!writer->failed && xmlTextWriterEndElement (writer->writer) < 0)
    writer->failed = TRUE;
}

static void
write_attribute (Writer     *writer,
                 const char *name,
                 const char *value)
{
  if (!writer->failed
      && xmlTextWriterWriteAttribute (writer->writer, (const xmlChar *) name, (const xmlChar *) value) < 0)
    writer->failed = TRUE;
}

static void
write_decimal (Writer        *writer,
               const char    *name,
               PalierDecimal  value)
{
  char buf[PALIER_DECIMAL_BUFSIZE];

  write_attribute (writer, name, palier_decimal_format_exact (value, buf));
}

static void
write_unsigned (Writer     *writer,
                const char *name,
                guint       value)
{
  char buf[16];

  g_snprintf (buf, sizeof buf, "%u", value);
  write_attribute (writer, name, buf);
}

static void
write_date (Writer     *writer,
            const char *name,
            PalierDate  date)
{
  char buf[16];

  if (date != PALIER_DATE_NONE)
    write_attribute (writer, name, palier_date_format_iso (date, buf));
}

/* A field with one value is written as an attribute, a field with several
 * as <include> elements, so that files stay short in the common case. */
static void
write_filter (Writer             *writer,
              const PalierFilter *filter)
{
  if (palier_filter_is_empty (filter))
    return;

  start_element (writer, "filter");

  for (guint field = 0; field < PALIER_N_FILTER_FIELDS; field++)
    {
      const GPtrArray *values = filter->values[field];

      if (values != NULL && values->len == 1)
        write_attribute (writer, palier_filter_field_to_string (field), g_ptr_array_index (values, 0));
    }
  write_date (writer, "start", filter->start);
  write_date (writer, "end", filter->end);

  for (guint field = 0; field < PALIER_N_FILTER_FIELDS; field++)
    {
      const GPtrArray *values = filter->values[field];

      for (guint i = 0; values != NULL && values->len > 1 && i < values->len; i++)
        {
          start_element (writer, "include");
          write_attribute (writer, "field", palier_filter_field_to_string (field));
          write_attribute (writer, "value", g_ptr_array_index (values, i));
          end_element (writer); /* </include> */
        }
    }

  end_element (writer); /* </filter> */
}

static void
write_overrides (Writer       *writer,
                 const GArray *overrides,
                 const char   *value_name)
{
  for (guint i = 0; overrides != NULL && i < overrides->len; i++)
    {
      const PalierOverride *override = &g_array_index (overrides, PalierOverride, i);

      start_element (writer, "override");
      write_attribute (writer, "segment", override->segment);
      write_decimal (writer, value_name, override->value);
      end_element (writer); /* </override> */
    }
}

static void
write_component_attributes (Writer                *writer,
                            const PalierComponent *component)
{
  write_attribute (writer, "id", component->id);
  write_attribute (writer, "name", component->name);
  if (component->measure != PALIER_MEASURE_REVENUE)
    write_attribute (writer, "measure", palier_measure_to_string (component->measure));
  if (component->has_period)
    write_attribute (writer, "period", palier_period_kind_to_string (component->period));
}

static void
write_commission (Writer                *writer,
                  const PalierComponent *component)
{
  start_element (writer, "commission");
  write_component_attributes (writer, component);
  write_attribute (writer, "basis", palier_basis_to_string (component->basis));
  write_attribute (writer, "method", palier_method_to_string (component->method));
  if (component->negative != PALIER_NEGATIVE_ZERO)
    write_attribute (writer, "negative", palier_negative_to_string (component->negative));

  write_filter (writer, &component->filter);

  for (guint i = 0; component->tiers != NULL && i < component->tiers->len; i++)
    {
      const PalierTier *tier = &g_array_index (component->tiers, PalierTier, i);
      const char *value_name = tier->kind == PALIER_TIER_PER_UNIT ? "per-unit" : "rate";

      start_element (writer, "tier");
      write_decimal (writer, "from", tier->from);
      write_decimal (writer, value_name, tier->value);
      write_overrides (writer, tier->overrides, value_name);
      end_element (writer); /* </tier> */
    }

  if (component->has_gate)
    {
      start_element (writer, "gate");
      write_decimal (writer, "min", component->gate);
      end_element (writer); /* </gate> */
    }

  if (component->has_cap)
    {
      start_element (writer, "cap");
      write_decimal (writer, "max", component->cap);
      end_element (writer); /* </cap> */
    }

  end_element (writer); /* </commission> */
}

static void
write_bonus (Writer                *writer,
             const PalierComponent *component)
{
  start_element (writer, "bonus");
  write_component_attributes (writer, component);
  write_attribute (writer, "basis", palier_basis_to_string (component->basis));

  write_filter (writer, &component->filter);

  for (guint i = 0; component->levels != NULL && i < component->levels->len; i++)
    {
      const PalierLevel *level = &g_array_index (component->levels, PalierLevel, i);

      start_element (writer, "level");
      write_decimal (writer, "min", level->min);
      write_decimal (writer, "amount", level->amount);
      write_overrides (writer, level->overrides, "amount");
      end_element (writer); /* </level> */
    }

  end_element (writer); /* </bonus> */
}

static void
write_deal_bonus (Writer                *writer,
                  const PalierComponent *component)
{
  start_element (writer, "deal-bonus");
  write_component_attributes (writer, component);
  write_decimal (writer, "min", component->deal_min);
  write_decimal (writer, "amount", component->deal_amount);
  if (component->has_deal_rate)
    write_decimal (writer, "rate", component->deal_rate);

  write_filter (writer, &component->filter);

  end_element (writer); /* </deal-bonus> */
}

static void
write_reward (Writer                *writer,
              const PalierComponent *component)
{
  start_element (writer, "reward");
  write_component_attributes (writer, component);
  write_attribute (writer, "kind", palier_reward_kind_to_string (component->reward_kind));
  write_decimal (writer, "unit-cost", component->unit_cost);

  write_filter (writer, &component->filter);

  if (component->reward_rule == PALIER_REWARD_RULE_THRESHOLD)
    {
      start_element (writer, "threshold");
      write_attribute (writer, "basis", palier_basis_to_string (component->threshold_basis));
      write_decimal (writer, "min", component->threshold_min);
      end_element (writer); /* </threshold> */
    }
  else
    {
      start_element (writer, "top");
      write_unsigned (writer, "count", component->top_count);
      end_element (writer); /* </top> */
    }

  end_element (writer); /* </reward> */
}

static void
write_program (Writer              *writer,
               const PalierProgram *program)
{
  start_element (writer, "program");
  write_attribute (writer, "xmlns", PALIER_PROGRAM_NAMESPACE);
  write_attribute (writer, "id", program->id);
  write_attribute (writer, "name", program->name);
  write_attribute (writer, "currency", program->currency);
  write_attribute (writer, "period", palier_period_kind_to_string (program->period));
  if (program->fiscal_year_start != 1)
    write_unsigned (writer, "fiscal-year-start", (guint) program->fiscal_year_start);

  if (program->has_quota)
    {
      start_element (writer, "quota");
      write_decimal (writer, "amount", program->quota);
      end_element (writer); /* </quota> */
    }

  for (guint i = 0; i < program->segment_quotas->len; i++)
    {
      const PalierSegmentQuota *segment_quota =
        &g_array_index (program->segment_quotas, PalierSegmentQuota, i);

      start_element (writer, "segment");
      write_attribute (writer, "id", segment_quota->segment);
      write_decimal (writer, "quota", segment_quota->quota);
      end_element (writer); /* </segment> */
    }

  for (guint i = 0; i < program->components->len; i++)
    {
      const PalierComponent *component = g_ptr_array_index (program->components, i);

      switch (component->kind)
        {
        case PALIER_COMPONENT_COMMISSION:
          write_commission (writer, component);
          break;
        case PALIER_COMPONENT_BONUS:
          write_bonus (writer, component);
          break;
        case PALIER_COMPONENT_DEAL_BONUS:
          write_deal_bonus (writer, component);
          break;
        case PALIER_COMPONENT_REWARD:
          write_reward (writer, component);
          break;
        default:
          g_critical ("Component “%s” has an unknown kind %d", component->id, (int) component->kind);
          break;
        }
    }

  end_element (writer); /* </program> */
}

char *
palier_program_to_xml (const PalierProgram *program,
                       gsize               *out_len)
{
  g_autoptr(xmlBuffer) buffer = NULL;
  Writer writer = { NULL, FALSE };
  gsize len;

  g_return_val_if_fail (program != NULL, NULL);

  buffer = xmlBufferCreate ();
  writer.writer = xmlNewTextWriterMemory (buffer, 0);
  if (buffer == NULL || writer.writer == NULL)
    g_error ("libxml2 could not allocate an XML writer");

  xmlTextWriterSetIndent (writer.writer, 1);
  xmlTextWriterSetIndentString (writer.writer, (const xmlChar *) "  ");
  if (xmlTextWriterStartDocument (writer.writer, NULL, "UTF-8", NULL) < 0)
    writer.failed = TRUE;

  write_program (&writer, program);

  if (!writer.failed && xmlTextWriterEndDocument (writer.writer) < 0)
    writer.failed = TRUE;

  /* Freeing the writer flushes it into the buffer. */
  g_clear_pointer (&writer.writer, xmlFreeTextWriter);

  if (writer.failed)
    {
      g_critical ("Program “%s” could not be written as XML; check that its texts are valid UTF-8",
                  program->id);
      return NULL;
    }

  len = (gsize) xmlBufferLength (buffer);
  if (out_len != NULL)
    *out_len = len;
  return g_strndup ((const char *) xmlBufferContent (buffer), len);
}

/* Returns why GLib could not write a file, in plain words and with what
 * to do, from the GFileError code of @error.  GLib's own message names
 * the temporary file beside the requested one, so it is only used for
 * G_FILE_ERROR_FAILED, whose cause is unknown.  palier-cli has the same
 * function for its outputs, because it can only include the public
 * headers. */
static char *
describe_write_error (const GError *error)
{
  if (error->domain != G_FILE_ERROR)
    return g_strdup (error->message);

  switch (error->code)
    {
    case G_FILE_ERROR_NOENT:
      return g_strdup (_("folder not found; create it first or choose another folder"));
    case G_FILE_ERROR_NOTDIR:
      return g_strdup (_("a part of the path is not a folder; check the path"));
    case G_FILE_ERROR_ACCES:
    case G_FILE_ERROR_PERM:
      return g_strdup (_("permission denied; choose a folder you can write to"));
    case G_FILE_ERROR_ROFS:
      return g_strdup (_("the file system is read-only; choose another folder"));
    case G_FILE_ERROR_NOSPC:
      return g_strdup (_("no space left on the device; free some space or choose another disk"));
    case G_FILE_ERROR_ISDIR:
      return g_strdup (_("this is a folder; give a file name"));
    case G_FILE_ERROR_NAMETOOLONG:
      return g_strdup (_("the name is too long; choose a shorter path"));
    case G_FILE_ERROR_FAILED:
      return g_strdup (error->message);
    default:
      break;
    }

  /* Every other code matches one errno value, whose description is
   * the reason. */
  for (int errsv = 1; errsv < 256; errsv++)
    if ((int) g_file_error_from_errno (errsv) == error->code)
      return g_strdup (g_strerror (errsv));

  return g_strdup (error->message);
}

gboolean
palier_program_write_file (const PalierProgram  *program,
                           const char           *path,
                           GError              **error)
{
  g_autofree char *data = NULL;
  g_autofree char *display_name = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize len;

  g_return_val_if_fail (program != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display_name = g_filename_display_name (path);
  data = palier_program_to_xml (program, &len);
  if (data == NULL)
    {
      g_set_error (error, PALIER_PROGRAM_ERROR, PALIER_PROGRAM_ERROR_IO,
                   _("Failed to write the program “%s”: its texts are not valid UTF-8"),
                   display_name);
      return FALSE;
    }

  /* Written to a temporary file in the same folder, then renamed over
   * @path: a reader sees the old file or the new one, never a part. */
  if (!g_file_set_contents_full (path, data, len, G_FILE_SET_CONTENTS_CONSISTENT, 0666, &local_error))
    {
      g_autofree char *reason = describe_write_error (local_error);

      g_set_error (error, PALIER_PROGRAM_ERROR, PALIER_PROGRAM_ERROR_IO,
                   _("Failed to write the program “%s”: %s"), display_name, reason);
      return FALSE;
    }
  return TRUE;
}
