package dev.robusta.cli;

import java.lang.reflect.Constructor;
import picocli.CommandLine;

/**
 * Creates the objects picocli asks for. A class with a constructor taking {@link Stdio} (every command that
 * reads or writes) gets the command line's streams; anything else is created by picocli's default factory.
 */
final class CommandFactory implements CommandLine.IFactory {
    private final Stdio io;

    CommandFactory(Stdio io) {
        this.io = io;
    }

    @Override
    public <K> K create(Class<K> type) throws Exception {
        Constructor<K> withStdio;
        try {
            withStdio = type.getDeclaredConstructor(Stdio.class);
        } catch (NoSuchMethodException e) {
            return CommandLine.defaultFactory().create(type);
        }
        return withStdio.newInstance(io);
    }
}
