/** In-app notifications and each account's choice of mail for them. */
package org.ctoforum.notifications.entity;
