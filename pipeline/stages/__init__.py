"""The pipeline's stages, one module each, called in order by :mod:`pipeline._driver`.

discover → identify → read → assess → ocr → repair → extract → load

Each stage is a function from one frozen record to the next; only ``load`` touches the
database. Stages raise :class:`pipeline.exceptions.InputError` naming themselves when a
file cannot go on.
"""
