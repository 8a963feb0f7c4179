/* palier-scenario-json.c: results read back from their JSON
 *
 * A kept run stores its result as palier_result_write() writes JSON.
 * This reader parses that JSON into a small tree (objects, arrays,
 * strings, numbers kept as their text, true, false and null) and builds
 * a PalierResult from it.  Numbers are read with palier_decimal_parse(),
 * never through floating point.
 *
 * NOTE: the JSON carries amounts rounded to the currency's minor unit,
 * so a partner's sales come back rounded to it; payouts are rounded to
 * it anyway.  The run's exact totals are kept in their own columns.
 */

#define G_LOG_DOMAIN "Palier"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "palier-money.h"
#include "palier-scenario.h"
#include "palier-scenario-private.h"

/* Deepest nesting accepted; a result nests four levels deep. */
#define MAX_DEPTH 32

typedef enum {
  NODE_NULL,
  NODE_BOOLEAN,
  NODE_NUMBER,
  NODE_STRING,
  NODE_ARRAY,
  NODE_OBJECT,
} NodeKind;

typedef struct _Node Node;

struct _Node {
  NodeKind    kind;
  char       *text;             /* string, or a number's text */
  gboolean    boolean;
  GPtrArray  *items;            /* Node *, for arrays and object values */
  GPtrArray  *keys;             /* char *, for objects */
};

static void
node_free (gpointer data)
{
  Node *node = data;

  if (node == NULL)
    return;
  g_free (node->text);
  g_clear_pointer (&node->items, g_ptr_array_unref);
  g_clear_pointer (&node->keys, g_ptr_array_unref);
  g_free (node);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Node, node_free)

typedef struct {
  const char *p;
  const char *start;
} Parser;

static gboolean
set_syntax_error (Parser  *parser,
                  GError **error)
{
  g_set_error (error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_INVALID,
               _("the kept result is damaged: invalid JSON at byte %llu"),
               (unsigned long long) (parser->p - parser->start));
  return FALSE;
}

static void
skip_space (Parser *parser)
{
  while (*parser->p == ' ' || *parser->p == '\n' || *parser->p == '\r' || *parser->p == '\t')
    parser->p++;
}

static Node *parse_value (Parser *parser, guint depth, GError **error);

static char *
parse_string (Parser  *parser,
              GError **error)
{
  g_autoptr(GString) text = g_string_new (NULL);

  parser->p++;                  /* the opening quote */
  while (*parser->p != '"')
    {
      unsigned char c = (unsigned char) *parser->p;

      if (c == '\0' || c < 0x20)
        {
          set_syntax_error (parser, error);
          return NULL;
        }
      if (c != '\\')
        {
          g_string_append_c (text, (char) c);
          parser->p++;
          continue;
        }

      parser->p++;
      switch (*parser->p)
        {
        case '"': case '\\': case '/':
          g_string_append_c (text, *parser->p);
          break;
        case 'n':
          g_string_append_c (text, '\n');
          break;
        case 'r':
          g_string_append_c (text, '\r');
          break;
        case 't':
          g_string_append_c (text, '\t');
          break;
        case 'b':
          g_string_append_c (text, '\b');
          break;
        case 'f':
          g_string_append_c (text, '\f');
          break;
        case 'u':
          {
            char hex[5] = { 0 };
            gunichar code;

            for (int i = 0; i < 4; i++)
              if (!g_ascii_isxdigit (parser->p[i + 1]))
                {
                  set_syntax_error (parser, error);
                  return NULL;
                }
            memcpy (hex, parser->p + 1, 4);
            code = (gunichar) g_ascii_strtoull (hex, NULL, 16);
            /* Surrogate pairs never occur: the writer escapes only
             * control characters. */
            if (code >= 0xd800 && code <= 0xdfff)
              {
                set_syntax_error (parser, error);
                return NULL;
              }
            g_string_append_unichar (text, code);
            parser->p += 4;
          }
          break;
        default:
          set_syntax_error (parser, error);
          return NULL;
        }
      parser->p++;
    }
  parser->p++;
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static Node *
parse_container (Parser   *parser,
                 gboolean  object,
                 guint     depth,
                 GError  **error)
{
  g_autoptr(Node) node = g_new0 (Node, 1);
  char close = object ? '}' : ']';

  node->kind = object ? NODE_OBJECT : NODE_ARRAY;
  node->items = g_ptr_array_new_with_free_func (node_free);
  if (object)
    node->keys = g_ptr_array_new_with_free_func (g_free);

  parser->p++;
  skip_space (parser);
  if (*parser->p == close)
    {
      parser->p++;
      return g_steal_pointer (&node);
    }

  while (TRUE)
    {
      Node *item;

      skip_space (parser);
      if (object)
        {
          char *key;

          if (*parser->p != '"')
            return set_syntax_error (parser, error), NULL;
          key = parse_string (parser, error);
          if (key == NULL)
            return NULL;
          g_ptr_array_add (node->keys, key);
          skip_space (parser);
          if (*parser->p != ':')
            return set_syntax_error (parser, error), NULL;
          parser->p++;
        }

      item = parse_value (parser, depth + 1, error);
      if (item == NULL)
        return NULL;
      g_ptr_array_add (node->items, item);

      skip_space (parser);
      if (*parser->p == close)
        {
          parser->p++;
          return g_steal_pointer (&node);
        }
      if (*parser->p != ',')
        return set_syntax_error (parser, error), NULL;
      parser->p++;
    }
}

static Node *
parse_value (Parser  *parser,
             guint    depth,
             GError **error)
{
  Node *node;
  const char *start;

  skip_space (parser);
  if (depth > MAX_DEPTH)
    return set_syntax_error (parser, error), NULL;

  switch (*parser->p)
    {
    case '{':
      return parse_container (parser, TRUE, depth, error);
    case '[':
      return parse_container (parser, FALSE, depth, error);
    case '"':
      {
        char *text = parse_string (parser, error);

        if (text == NULL)
          return NULL;
        node = g_new0 (Node, 1);
        node->kind = NODE_STRING;
        node->text = text;
        return node;
      }
    default:
      break;
    }

  node = g_new0 (Node, 1);
  if (g_str_has_prefix (parser->p, "null"))
    {
      node->kind = NODE_NULL;
      parser->p += 4;
      return node;
    }
  if (g_str_has_prefix (parser->p, "true") || g_str_has_prefix (parser->p, "false"))
    {
      node->kind = NODE_BOOLEAN;
      node->boolean = *parser->p == 't';
      parser->p += node->boolean ? 4 : 5;
      return node;
    }

  start = parser->p;
  while (g_ascii_isdigit (*parser->p) || *parser->p == '-' || *parser->p == '.' ||
         *parser->p == '+' || *parser->p == 'e' || *parser->p == 'E')
    parser->p++;
  if (parser->p == start)
    {
      node_free (node);
      return set_syntax_error (parser, error), NULL;
    }
  node->kind = NODE_NUMBER;
  node->text = g_strndup (start, (gsize) (parser->p - start));
  return node;
}

static Node *
parse_document (const char  *json,
                GError     **error)
{
  Parser parser = { json, json };
  g_autoptr(Node) root = parse_value (&parser, 0, error);

  if (root == NULL)
    return NULL;
  skip_space (&parser);
  if (*parser.p != '\0')
    return set_syntax_error (&parser, error), NULL;
  return g_steal_pointer (&root);
}

/* Building the result */

typedef struct {
  const PalierProgram *program;
  PalierResult        *result;
  GError             **error;
  gboolean             failed;
} Builder;

static const Node *
member (const Node *object,
        const char *key)
{
  if (object == NULL || object->kind != NODE_OBJECT)
    return NULL;
  for (guint i = 0; i < object->keys->len; i++)
    if (strcmp (g_ptr_array_index (object->keys, i), key) == 0)
      return g_ptr_array_index (object->items, i);
  return NULL;
}

static gboolean
set_damaged (Builder    *builder,
             const char *what)
{
  if (!builder->failed)
    g_set_error (builder->error, PALIER_SCENARIO_ERROR, PALIER_SCENARIO_ERROR_INVALID,
                 _("the kept result is damaged: “%s” is missing or invalid"), what);
  builder->failed = TRUE;
  return FALSE;
}

static PalierDecimal
decimal_member (Builder    *builder,
                const Node *object,
                const char *key)
{
  const Node *node = member (object, key);
  PalierDecimal value = 0;

  if (node == NULL || node->kind != NODE_NUMBER ||
      !palier_decimal_parse (node->text, -1, &value, NULL))
    set_damaged (builder, key);
  return value;
}

static const char *
string_member (Builder    *builder,
               const Node *object,
               const char *key,
               gboolean    nullable)
{
  const Node *node = member (object, key);

  if (node != NULL && node->kind == NODE_STRING)
    return node->text;
  if (!(nullable && node != NULL && node->kind == NODE_NULL))
    set_damaged (builder, key);
  return NULL;
}

static const Node *
array_member (Builder    *builder,
              const Node *object,
              const char *key)
{
  const Node *node = member (object, key);

  if (node == NULL || node->kind != NODE_ARRAY)
    {
      set_damaged (builder, key);
      return NULL;
    }
  return node;
}

/* Payouts per component, by the program's component order. */
static PalierDecimal *
component_map (Builder    *builder,
               const Node *object,
               const char *key)
{
  const Node *map = member (object, key);
  guint n = builder->program->components->len;
  PalierDecimal *payouts = g_new0 (PalierDecimal, n + 1);

  for (guint c = 0; c < n; c++)
    {
      const PalierComponent *component = g_ptr_array_index (builder->program->components, c);

      payouts[c] = decimal_member (builder, map, component->id);
    }
  return payouts;
}

static gboolean
read_period_index (Builder    *builder,
                   const char *label,
                   gint32     *out_index)
{
  const PalierProgram *program = builder->program;

  if (label != NULL &&
      palier_period_parse_label (program->period, program->fiscal_year_start, label, out_index))
    return TRUE;
  return set_damaged (builder, "period");
}

static void
read_period_totals (Builder    *builder,
                    const Node *root)
{
  const Node *periods = array_member (builder, root, "periods");

  for (guint i = 0; periods != NULL && i < periods->items->len; i++)
    {
      const Node *item = g_ptr_array_index (periods->items, i);
      PalierPeriodTotal total = { 0 };

      total.label = g_strdup (string_member (builder, item, "period", FALSE));
      read_period_index (builder, total.label, &total.index);
      total.sales = decimal_member (builder, item, "sales");
      total.payout = decimal_member (builder, item, "payout");
      total.component_payouts = component_map (builder, item, "components");
      g_array_append_val (builder->result->period_totals, total);
    }
}

static void
read_partner_period (Builder            *builder,
                     const Node         *item,
                     PalierPeriodResult *period)
{
  const PalierProgram *program = builder->program;
  const Node *quota = member (item, "quota");

  period->label = g_strdup (string_member (builder, item, "period", FALSE));
  if (read_period_index (builder, period->label, &period->index))
    palier_period_bounds (program->period, program->fiscal_year_start, period->index,
                          &period->first, &period->last);
  period->sales = decimal_member (builder, item, "sales");
  period->has_quota = quota != NULL && quota->kind != NODE_NULL;
  if (period->has_quota)
    {
      period->quota = decimal_member (builder, item, "quota");
      period->attainment = decimal_member (builder, item, "attainment");
    }
  period->payout = decimal_member (builder, item, "payout");
  if (builder->result->has_rewards)
    period->non_cash = decimal_member (builder, item, "non_cash");
  period->component_payouts = component_map (builder, item, "components");
}

static void
reward_clear (gpointer data)
{
  PalierRewardResult *reward = data;

  g_free (reward->period);
}

static GArray *
read_rewards (Builder    *builder,
              const Node *item)
{
  GArray *rewards = g_array_new (FALSE, TRUE, sizeof (PalierRewardResult));
  const Node *list = builder->result->has_rewards ? array_member (builder, item, "rewards") : NULL;

  g_array_set_clear_func (rewards, reward_clear);
  for (guint i = 0; list != NULL && i < list->items->len; i++)
    {
      const Node *node = g_ptr_array_index (list->items, i);
      const char *id = string_member (builder, node, "id", FALSE);
      const PalierComponent *component = id != NULL ? palier_program_find_component (builder->program, id) : NULL;
      PalierRewardResult reward = { 0 };

      if (component == NULL)
        {
          set_damaged (builder, "rewards");
          break;
        }
      reward.component = component->id;
      reward.kind = component->reward_kind;
      reward.period = g_strdup (string_member (builder, node, "period", FALSE));
      reward.cost = component->unit_cost;
      g_array_append_val (rewards, reward);
    }
  return rewards;
}

static void
period_result_clear (gpointer data)
{
  PalierPeriodResult *period = data;

  g_free (period->label);
  g_free (period->component_payouts);
}

static PalierPartnerResult *
read_partner (Builder    *builder,
              const Node *item)
{
  PalierPartnerResult *row = g_new0 (PalierPartnerResult, 1);
  const Node *periods;

  row->partner = g_strdup (string_member (builder, item, "partner", FALSE));
  /* The writer leaves out a name that is the code, and runs kept before
   * names were written have none. */
  row->name = g_strdup (member (item, "name") != NULL ? string_member (builder, item, "name", FALSE)
                                                      : row->partner);
  row->segment = g_strdup (string_member (builder, item, "segment", TRUE));
  row->sales = decimal_member (builder, item, "sales");
  row->payout = decimal_member (builder, item, "payout");
  if (builder->result->has_rewards)
    row->non_cash = decimal_member (builder, item, "non_cash");
  row->component_payouts = component_map (builder, item, "components");
  row->rewards = read_rewards (builder, item);
  row->periods = g_array_new (FALSE, TRUE, sizeof (PalierPeriodResult));
  g_array_set_clear_func (row->periods, period_result_clear);

  periods = array_member (builder, item, "periods");
  for (guint j = 0; periods != NULL && j < periods->items->len; j++)
    {
      g_array_set_size (row->periods, row->periods->len + 1);
      read_partner_period (builder, g_ptr_array_index (periods->items, j),
                           &g_array_index (row->periods, PalierPeriodResult, row->periods->len - 1));
    }
  return row;
}

static void
partner_result_free (gpointer data)
{
  PalierPartnerResult *row = data;

  g_free (row->partner);
  g_free (row->name);
  g_free (row->segment);
  g_free (row->component_payouts);
  g_clear_pointer (&row->periods, g_array_unref);
  g_clear_pointer (&row->rewards, g_array_unref);
  g_free (row);
}

static void
period_total_clear (gpointer data)
{
  PalierPeriodTotal *total = data;

  g_free (total->label);
  g_free (total->component_payouts);
}

static PalierResult *
result_new (const PalierProgram *program)
{
  PalierResult *result = g_new0 (PalierResult, 1);

  result->ref_count = 1;
  result->program = palier_program_ref ((PalierProgram *) program);
  result->minor_digits = palier_currency_minor_digits (program->currency);
  result->n_components = program->components->len;
  result->component_totals = g_new0 (PalierDecimal, result->n_components + 1);
  result->component_non_cash = g_new0 (PalierDecimal, result->n_components + 1);
  for (guint c = 0; c < result->n_components; c++)
    if (((PalierComponent *) g_ptr_array_index (program->components, c))->kind == PALIER_COMPONENT_REWARD)
      result->has_rewards = TRUE;
  result->partners = g_ptr_array_new_with_free_func (partner_result_free);
  result->period_totals = g_array_new (FALSE, TRUE, sizeof (PalierPeriodTotal));
  g_array_set_clear_func (result->period_totals, period_total_clear);
  return result;
}

static PalierDate
date_member (Builder    *builder,
             const Node *object,
             const char *key)
{
  const char *text = string_member (builder, object, key, TRUE);
  PalierDate date = PALIER_DATE_NONE;

  if (text != NULL && !palier_date_parse_iso (text, &date))
    set_damaged (builder, key);
  return date;
}

static void
read_totals (Builder    *builder,
             const Node *root)
{
  PalierResult *result = builder->result;
  const Node *totals = member (root, "totals");
  const Node *components = array_member (builder, root, "components");

  result->from = date_member (builder, root, "from");
  result->to = date_member (builder, root, "to");
  result->total_sales = decimal_member (builder, totals, "sales");
  result->total_payout = decimal_member (builder, totals, "payout");
  result->cost_of_sales = decimal_member (builder, totals, "cost_of_sales");
  if (result->has_rewards)
    {
      result->total_non_cash = decimal_member (builder, totals, "non_cash");
      result->total_cost = decimal_member (builder, totals, "cost");
    }
  else
    result->total_cost = result->total_payout;

  if (components == NULL || components->items->len != result->n_components)
    {
      set_damaged (builder, "components");
      return;
    }
  for (guint c = 0; c < result->n_components; c++)
    {
      const Node *item = g_ptr_array_index (components->items, c);
      const PalierComponent *component = g_ptr_array_index (builder->program->components, c);

      if (g_strcmp0 (string_member (builder, item, "id", FALSE), component->id) != 0)
        set_damaged (builder, "components");
      result->component_totals[c] = decimal_member (builder, item, "payout");
      if (component->kind == PALIER_COMPONENT_REWARD)
        result->component_non_cash[c] = decimal_member (builder, item, "non_cash");
    }
}

PalierResult *
_palier_result_read_json (const char           *json,
                          const PalierProgram  *program,
                          GError              **error)
{
  g_autoptr(Node) root = NULL;
  g_autoptr(PalierResult) result = NULL;
  const Node *partners;
  Builder builder;

  g_return_val_if_fail (json != NULL, NULL);
  g_return_val_if_fail (program != NULL, NULL);

  root = parse_document (json, error);
  if (root == NULL)
    return NULL;

  result = result_new (program);
  builder.program = program;
  builder.result = result;
  builder.error = error;
  builder.failed = FALSE;

  read_totals (&builder, root);
  read_period_totals (&builder, root);
  partners = array_member (&builder, root, "partners");
  for (guint i = 0; partners != NULL && i < partners->items->len && !builder.failed; i++)
    g_ptr_array_add (result->partners, read_partner (&builder, g_ptr_array_index (partners->items, i)));

  if (builder.failed)
    return NULL;
  return g_steal_pointer (&result);
}
