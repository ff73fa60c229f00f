package org.relationcrm.config;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Keeps at most {@link #KEPT} flash messages waiting in a session ("Interaction enregistrée" after a
 * post/redirect/get), the newest ones.
 *
 * <p>A browser follows the redirect at once and takes its message; a client that does not (a script, a tab closed
 * mid-redirect) leaves it waiting for three minutes. Spring keeps them all, and every request of the session scans
 * the whole list: measured with a client that posted interactions without following the redirects, the scan took
 * 58 % of the app's CPU after a few seconds and grew with every post.
 */
final class BoundedFlashMaps extends SessionFlashMapManager {

    static final int KEPT = 20;

    @Override
    protected void updateFlashMaps(List<FlashMap> flashMaps, HttpServletRequest request,
                                   HttpServletResponse response) {
        // copy-on-write, as Spring's own list: other requests of the session read it without the lock
        List<FlashMap> kept = flashMaps.size() <= KEPT ? flashMaps
                : new CopyOnWriteArrayList<>(flashMaps.subList(flashMaps.size() - KEPT, flashMaps.size()));
        super.updateFlashMaps(kept, request, response);
    }

    /** Spring MVC's configuration declares the session flash manager itself; this swaps in the bounded one. */
    static final class Installer implements BeanPostProcessor {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return "flashMapManager".equals(beanName) && bean instanceof SessionFlashMapManager
                    && !(bean instanceof BoundedFlashMaps) ? new BoundedFlashMaps() : bean;
        }
    }
}
