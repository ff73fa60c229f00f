package org.relationcrm.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.WRITE;

/**
 * The embedded database's generated password, kept in a file only its owner may read or write (rw-------), inside
 * the data folder (itself rwx------, as initdb leaves it).
 */
final class PasswordFile {

    static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private static final SecureRandom RANDOM = new SecureRandom();

    private PasswordFile() {
    }

    /** 256 random bits, URL-safe base64: letters, digits, '-' and '_' only, so it never needs quoting. */
    static String generate() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String read(Path file) throws IOException {
        restrictToOwner(file);
        String password = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (password.isEmpty()) {
            throw new IOException("The password file " + file + " is empty");
        }
        return password;
    }

    /** Writes the password unless the file is there already; the file is owner-only from its creation on. */
    static void writeIfAbsent(Path file, String password) throws IOException {
        if (Files.exists(file)) {
            return;
        }
        Path partial = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(partial);
        // On disk before the database knows the password: a crash must not leave a password nobody has.
        try (FileChannel channel = FileChannel.open(partial, Set.of(CREATE_NEW, WRITE),
                PosixFilePermissions.asFileAttribute(OWNER_ONLY))) {
            channel.write(ByteBuffer.wrap((password + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static void restrictToOwner(Path file) throws IOException {
        if (!Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }
}
