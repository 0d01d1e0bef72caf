package io.qts.adapters.cli;

import io.qts.engine.Strategies;

import java.util.Iterator;

/** The strategy names for picocli's help and completion, from the one list the engine keeps. */
final class StrategyNames implements Iterable<String>
{
    @Override
    public Iterator<String> iterator()
    {
        return Strategies.names().iterator();
    }
}
