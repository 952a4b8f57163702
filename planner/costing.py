"""One costing engine for recipes and sewing patterns -> CostSheet.

Recipe, per batch: ingredients + labour + overhead, spread over the sellable
pieces, plus packaging per piece. Pattern, per garment of one size: fabric
(need × (1 + waste), converted by width when needed) + materials + labour +
overhead + services + packaging. See docs/design.md, "Formulas".
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal

from planner.catalog import find_item
from planner.diagnostics import Diagnostics
from planner.errors import InputError, closest, problem, warning
from planner.models import Item, Overhead, Packaging, Pattern, PatternProduct, Product, RecipeProduct
from planner.money import ONE, ZERO
from planner.settings import Settings
from planner.texts import Cash, Msg, Pct, _, msg
from planner.units import NO_FACTS, Quantity, UnitTable

RECIPE_GROUPS = ("ingredients", "labor", "overhead", "packaging")
PATTERN_GROUPS = ("fabric", "materials", "labor", "overhead", "services", "packaging")
SIXTY = Decimal(60)


@dataclass(frozen=True)
class Need:
    """Purchase packs of a catalog item one batch uses (usable amount / yield)."""

    item: str
    packs: Decimal


@dataclass(frozen=True)
class CostLine:
    group: str
    label: str
    cost: Decimal
    item: str | None = None
    qty: Quantity | None = None
    explain: Msg | None = None
    needs: tuple[Need, ...] = ()
    estimate: bool = False
    hands_on: bool = False  # the recipe's own minutes (an operation may be called "labor" too)


@dataclass(frozen=True)
class CostSheet:
    product: str
    file: str
    kind: str
    size: str | None
    pieces: Decimal
    sellable: Decimal
    lines: tuple[CostLine, ...]
    minutes: Decimal
    equipment: str | None = None
    equipment_minutes: Decimal = ZERO
    notes: tuple[InputError, ...] = ()

    @property
    def groups(self) -> tuple[str, ...]:
        return RECIPE_GROUPS if self.kind == "recipe" else PATTERN_GROUPS

    def total(self, group: str) -> Decimal:
        return sum((line.cost for line in self.lines if line.group == group), ZERO)

    @property
    def batch(self) -> Decimal:
        return sum((line.cost for line in self.lines), ZERO)

    @property
    def unit(self) -> Decimal:
        """HPP per sellable piece (per garment for a pattern)."""
        return self.batch / self.sellable

    @property
    def estimate(self) -> bool:
        return any(line.estimate for line in self.lines)

    def needs(self, exclude: tuple[str, ...] = (), only: str | None = None) -> dict[str, Decimal]:
        """Purchase packs per catalog item for one batch, sub-recipes included (leaving out the
        groups ``exclude`` names, or of the group ``only``)."""
        total: dict[str, Decimal] = {}
        for line in self.lines:
            if line.group in exclude or (only is not None and line.group != only):
                continue
            for need in line.needs:
                total[need.item] = total.get(need.item, ZERO) + need.packs
        return total


@dataclass(frozen=True)
class Context:
    """What costing needs besides the product: settings, catalog, units, and run overrides."""

    settings: Settings
    catalog: Mapping[str, Item]
    units: UnitTable
    prices: Mapping[str, Decimal] = field(default_factory=dict)
    fabric: str | None = None
    customer_fabric: bool = False
    settings_broken: frozenset[str] = frozenset()  # keys of the settings replaced by defaults
    # cost_recipe's sheets of this context (not copied by dataclasses.replace): `check` and
    # `plan` cost a recipe again for each plan and each parent that uses it.
    sheets: dict[tuple[int, ...], tuple[tuple[object, ...], CostSheet]] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def price(self, item_id: str) -> Decimal:
        if item_id in self.prices:
            return self.prices[item_id]
        return find_item(self.catalog, item_id).price

    @property
    def wage(self) -> Decimal:
        return self.settings.labor.wage_per_hour


def item_line(ctx: Context, group: str, item_id: str, qty: Quantity, scale: Decimal = ONE) -> CostLine:
    """``price × qty_in_pack_units / (pack × yield)``, times ``scale`` (packaging share).

    The yield is the usable share of what is weighed or measured: a quantity counted in pieces or in
    the item's own units ("6 buah", "1 sisir") is what was bought, peel and all (decision 1)."""
    item = find_item(ctx.catalog, item_id)
    in_pack_unit = ctx.units.convert(qty, item.pack.unit, item, item_id)
    counted = is_counted(ctx.units, qty, item)
    usable = ONE if counted else item.yield_
    packs = in_pack_unit / item.pack.amount / usable
    price = ctx.price(item_id)
    cost = price * packs * scale
    converted = None if qty.unit == item.pack.unit else msg(_(" (= {qty})"), qty=Quantity(in_pack_unit, item.pack.unit))
    used_yield = (
        None
        if item.yield_ == ONE
        else msg(_(" (counted as bought: no yield)"))
        if counted
        else msg(_(" / {share} usable"), share=Pct(item.yield_))
    )
    explain = msg(
        _("{qty}{converted} × {price} / {pack}{yld} = {cost}"),
        qty=qty,
        converted=converted,
        price=Cash(price),
        pack=item.pack,
        yld=used_yield,
        cost=Cash(price * packs),
    )
    if scale != ONE:
        explain = msg(_("{inner} per pack; × {scale} packs = {cost}"), inner=explain, scale=scale, cost=Cash(cost))
    shown_qty = qty if scale == ONE else qty.scaled(scale)
    return CostLine(group, item.label(item_id), cost, item_id, shown_qty, explain, (Need(item_id, packs * scale),))


def known_equipment(ctx: Context, name: str | None, col: Diagnostics, where: tuple[str, ...]) -> None:
    """The equipment a product names must be in the settings (its hours and its break-even need it)."""
    known = [e.name for e in ctx.settings.equipment]
    if name is None or name in known or "equipment" in ctx.settings_broken:
        return  # (a broken [[equipment]] is reported in the settings, not in every product)
    near = closest(name, known)
    col.add(
        problem(
            _("equipment '{name}' is not in the settings"),
            hint=_("did you mean {near}?")
            if near
            else _("known equipment: {known}; add an [[equipment]] with this name and its capacity to planner.toml"),
            name=name,
            near=", ".join(near),
            known=", ".join(known) or "-",
        ).under(*where)
    )


def is_counted(units: UnitTable, qty: Quantity, item: Item) -> bool:
    """Whether ``qty`` counts pieces or the item's own units (as bought) rather than weighing."""
    unit = qty.unit.lower()
    return unit in {u.lower() for u in item.units} or units.dimension(unit) == "count"


def labor_line(
    ctx: Context, label: str, minutes: Decimal, efficiency: Decimal = ONE, *, hands_on: bool = False
) -> CostLine:
    effective = minutes / efficiency
    cost = effective / SIXTY * ctx.wage
    explain = (
        msg(_("{minutes} min / 60 × {wage} an hour = {cost}"), minutes=minutes, wage=Cash(ctx.wage), cost=Cash(cost))
        if efficiency == ONE
        else msg(
            _("{minutes} min / {efficiency} efficiency / 60 × {wage} an hour = {cost}"),
            minutes=minutes,
            efficiency=Pct(efficiency),
            wage=Cash(ctx.wage),
            cost=Cash(cost),
        )
    )
    return CostLine("labor", label, cost, qty=Quantity(minutes, "min"), explain=explain, hands_on=hands_on)


def _overhead_lines(ctx: Context, overheads: list[Overhead], col: Diagnostics) -> list[CostLine]:
    lines = []
    for i, oh in enumerate(overheads):
        if oh.item is not None and oh.qty is not None:
            item_id, qty = oh.item, oh.qty
            line = col.collect(lambda: item_line(ctx, "overhead", item_id, qty), under=("overhead", i, "item"))
        else:
            line = CostLine(
                "overhead",
                oh.name or "-",
                oh.cost or ZERO,
                explain=msg(_("a fixed amount of {cost}"), cost=Cash(oh.cost)),
            )
        if line:
            lines.append(line)
    return lines


def _packaging_lines(ctx: Context, packaging: Packaging, sellable: Decimal, col: Diagnostics) -> list[CostLine]:
    """Packaging per piece = Σ items / pieces_per_pack; a batch carries it for every sellable piece."""
    scale = sellable / packaging.pieces_per_pack
    lines = []
    for i, line in enumerate(packaging.items):
        item_id, qty = line.item, line.qty
        made = col.collect(
            lambda: item_line(ctx, "packaging", item_id, qty, scale), under=("packaging", "items", i, "item")
        )
        if made:
            lines.append(made)
    return lines


def cost_recipe(product: RecipeProduct, ctx: Context) -> CostSheet:
    """Cost one batch of a recipe.

    Worked out once per context for the same recipe and sub-recipes (loaded models),
    whatever path spelling reaches them; the sheet names the path it was asked by."""
    models = _models(product)
    key = tuple(map(id, models))
    kept = ctx.sheets.get(key)
    if kept is None or any(a is not b for a, b in zip(kept[0], models)):
        kept = ctx.sheets[key] = (models, _cost_recipe(product, ctx))
    return _asked_by(kept[1], product.path)


def _models(product: RecipeProduct) -> tuple[object, ...]:
    """What a recipe's cost depends on besides the context: its model and its sub-recipes'."""
    return (product.model, *(m for sub in product.subs.values() for m in _models(sub)))


def _asked_by(sheet: CostSheet, path: str) -> CostSheet:
    if sheet.file == path:
        return sheet
    notes = tuple(replace(n, path=path) if n.path == sheet.file else n for n in sheet.notes)
    return replace(sheet, file=path, notes=notes)


def _cost_recipe(product: RecipeProduct, ctx: Context) -> CostSheet:
    recipe = product.model
    col = Diagnostics(path=product.path)
    batch = recipe.batch
    sellable = batch.pieces * (ONE - batch.loss)
    lines: list[CostLine] = []
    sub_minutes = ZERO
    for i, ing in enumerate(recipe.ingredients):
        if ing.item is not None:
            item_id, qty = ing.item, ing.qty
            line = col.collect(lambda: item_line(ctx, "ingredients", item_id, qty), under=("ingredients", i, "item"))
        elif ing.recipe is not None:
            sub = product.subs[ing.recipe]
            result = col.collect(lambda: sub_recipe_line(sub, ing.qty, ctx), under=("ingredients", i, "qty"))
            line = result[0] if result else None
            sub_minutes += result[1] if result else ZERO
        if line:
            lines.append(line)
    minutes = batch.minutes if batch.minutes is not None else ZERO
    lines.append(labor_line(ctx, "labor", minutes, hands_on=True))
    lines.extend(_overhead_lines(ctx, recipe.overhead, col))
    lines.extend(_packaging_lines(ctx, recipe.packaging, sellable, col))
    known_equipment(ctx, batch.equipment, col, ("batch", "equipment"))
    col.raise_errors()
    # a sub-recipe's own warnings (no minutes: decision 5) are told wherever it is costed
    notes = tuple(note for sub in product.subs.values() for note in cost_recipe(sub, ctx).notes)
    if batch.minutes is None:
        notes += (
            warning(
                _("{product} has no minutes: your own work is counted as free"),
                hint=_("add minutes = ... (hands-on time per batch) to [batch]"),
                product=recipe.name,
            ).at(product.path, loc=("batch",)),
        )
    return CostSheet(
        recipe.name,
        product.path,
        "recipe",
        None,
        batch.pieces,
        sellable,
        tuple(lines),
        minutes + sub_minutes,
        batch.equipment,
        batch.equipment_minutes,
        notes,
    )


def sub_recipe_line(sub: RecipeProduct, used: Quantity, ctx: Context) -> tuple[CostLine, Decimal]:
    """``its batch cost without packaging × used / its output``; also its share of labour minutes."""
    sheet = cost_recipe(sub, ctx)
    base = sheet.batch - sheet.total("packaging")
    output = sub.model.batch.output
    if output is not None:
        fraction = ctx.units.convert(used, output.unit) / output.amount
        of = output
    elif ctx.units.dimension(used.unit) == "count":
        fraction = ctx.units.convert(used, "pcs") / sheet.sellable
        of = Quantity(sheet.sellable, "pcs")
    else:
        raise problem(
            _("cannot tell how much of {recipe} one batch makes in {unit}"),
            hint=_('add output = "... {unit}" to [batch] of that recipe, or use it by the piece'),
            recipe=sheet.product,
            unit=used.unit,
        )
    needs = tuple(Need(item, packs * fraction) for item, packs in sheet.needs(exclude=("packaging",)).items())
    cost = base * fraction
    explain = msg(
        _("its batch cost {base} × {used} / {output} = {cost}"), base=Cash(base), used=used, output=of, cost=Cash(cost)
    )
    return CostLine(
        "ingredients", sheet.product, cost, None, used, explain, needs, sheet.estimate
    ), sheet.minutes * fraction


def cost_pattern(product: PatternProduct, ctx: Context, size: str | None) -> CostSheet:
    """Cost one garment of ``size`` (a pattern without sizes, an alteration: ``None``).

    A pattern without [fabric] has no fabric line: --fabric and --customer-fabric change nothing
    in it, as in a recipe."""
    pattern = product.model
    check_size(pattern, size)
    col = Diagnostics(path=product.path)
    lines: list[CostLine] = []
    fabric = None
    if (cloth := pattern.fabric) is not None and size is not None:
        facts = ctx.catalog.get(cloth.item, NO_FACTS)  # its own units (a depa of 1,8 m) count too
        lengths = [  # the pattern's own lengths, each told at its line
            col.collect(lambda: ctx.units.convert(qty, "m", facts, cloth.item), under=where)
            for qty, where in (
                (cloth.need[size], ("fabric", "need", size)),
                (cloth.width, ("fabric", "width")),
            )
        ]
        if None not in lengths:
            fabric = col.collect(lambda: fabric_line(pattern, ctx, size), under=("fabric", "item"))
    if fabric:
        lines.append(fabric)
    for i, mat in enumerate(pattern.materials):
        item_id, qty = mat.item, mat.qty
        line = col.collect(lambda: item_line(ctx, "materials", item_id, qty), under=("materials", i, "item"))
        if line:
            lines.append(line)
    lines.extend(labor_line(ctx, op.name, op.minutes, op.efficiency) for op in pattern.operations)
    lines.extend(_overhead_lines(ctx, pattern.overhead, col))
    lines.extend(
        CostLine("services", s.name, s.cost, explain=msg(_("a fixed amount of {cost}"), cost=Cash(s.cost)))
        for s in pattern.services
    )
    lines.extend(_packaging_lines(ctx, pattern.packaging, ONE, col))
    known_equipment(ctx, pattern.equipment, col, ("equipment",))
    col.raise_errors()
    minutes = sum((op.minutes / op.efficiency for op in pattern.operations), ZERO)
    notes = (
        (
            warning(
                _("fabric {item} has another width than the pattern: its metres are converted by area, an estimate"),
                hint=_("check with a trial layout before buying"),
                item=fabric.item,
            ).at(product.path, loc=("fabric", "width")),
        )
        if fabric and fabric.estimate
        else ()
    )
    return CostSheet(
        pattern.name,
        product.path,
        "pattern",
        size,
        ONE,
        ONE,
        tuple(lines),
        minutes,
        equipment=pattern.equipment,
        notes=notes,
    )


def check_size(pattern: Pattern, size: str | None) -> None:
    """``size`` is one of the pattern's sizes; a pattern without sizes takes none."""
    if not pattern.sizes and size is not None:
        raise problem(
            _("size '{size}' is not in the pattern: it has no sizes"),
            hint=_("leave out the size for this pattern"),
            size=size,
        )
    if pattern.sizes and size not in pattern.sizes:
        raise problem(
            _("size '{size}' is not in the pattern"),
            hint=_("the pattern has sizes {sizes}"),
            size=size,
            sizes=", ".join(pattern.sizes),
        )


def fabric_metres(pattern: Pattern, ctx: Context, size: str) -> tuple[str, Item, Decimal, bool]:
    """(item id, item, metres of that fabric for one garment, converted by width?)."""
    assert pattern.fabric is not None  # costing asks only a pattern with [fabric]
    item_id = ctx.fabric or pattern.fabric.item
    item = find_item(ctx.catalog, item_id)
    if ctx.units.base(item.pack, item, item_id)[0] != "length":
        raise problem(
            _("{item} is not sold by length (its pack is {pack})"),
            hint=_('choose a fabric whose pack is a length, e.g. pack = "1 m"'),
            item=item_id,
            pack=str(item.pack),
        )
    if item.width is None:
        raise problem(
            _("fabric {item} has no width"),
            hint=_('add width = "150 cm" (or "115 cm") to [{item}] in prices.toml'),
            item=item_id,
        )
    facts = ctx.catalog.get(pattern.fabric.item, NO_FACTS)
    need = ctx.units.convert(pattern.fabric.need[size], "m", facts, pattern.fabric.item) * (ONE + pattern.fabric.waste)
    pattern_width = ctx.units.convert(pattern.fabric.width, "m", facts, pattern.fabric.item)
    fabric_width = ctx.units.convert(item.width, "m", item, item_id)
    if pattern_width == fabric_width:
        return item_id, item, need, False
    return item_id, item, need * pattern_width / fabric_width, True


def fabric_line(pattern: Pattern, ctx: Context, size: str) -> CostLine:
    item_id, item, metres, estimate = fabric_metres(pattern, ctx, size)
    qty = Quantity(metres, "m")
    if ctx.customer_fabric:
        return CostLine(
            "fabric",
            item.label(item_id),
            ZERO,
            item_id,
            qty,
            msg(_("{qty} of the customer's own fabric, not charged"), qty=qty),
            (),
            estimate,
        )
    line = item_line(ctx, "fabric", item_id, qty)
    assert pattern.fabric is not None  # as fabric_metres
    need = ctx.units.convert(pattern.fabric.need[size], "m")
    explain = msg(
        _("{need} × (1 + {waste} waste){width}; {inner}"),
        need=Quantity(need, "m"),
        waste=Pct(pattern.fabric.waste),
        width=(
            msg(_(" × {pattern} / {fabric} wide (estimate)"), pattern=pattern.fabric.width, fabric=item.width)
            if estimate
            else None
        ),
        inner=line.explain,
    )
    return CostLine("fabric", line.label, line.cost, item_id, qty, explain, line.needs, estimate)


def cost_product(product: Product, ctx: Context, size: str | None = None) -> list[CostSheet]:
    """A recipe -> one sheet; a pattern -> one sheet per size (or just ``size``)."""
    if isinstance(product, RecipeProduct):
        return [cost_recipe(product, ctx)]
    sizes: list[str | None] = [size] if size else [*product.model.sizes] or [None]
    return [cost_pattern(product, ctx, s) for s in sizes]
