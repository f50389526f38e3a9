package org.onewindow.route;

import java.util.List;
import javax.xml.XMLConstants;
import org.onewindow.message.Dom;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * The shape of an element in a target message: its local name, whether it is required, how often it may
 * repeat, and its child shapes in schema order. Copying a source element through a shape keeps exactly the
 * children the target schema has, in the target's order and within its maximum, so a block of the
 * declaration becomes the same-named block of an agency message without carrying elements the agency's
 * schema does not allow.
 *
 * <p>A group whose required child the source cannot supply is left out as a whole (returns null), and
 * so is an optional group left without any child: an optional target block is then simply absent
 * instead of invalid or empty; a builder supplies a fallback where the target block itself is required.
 * The copy takes the shape's name, so a source block may stand in for a differently named one (the
 * seller's name and address for an unknown manufacturer).
 */
final class Shape {
    private final String name;
    private final boolean required;
    private final int max;
    private final List<Shape> children;

    private Shape(String name, boolean required, int max, List<Shape> children) {
        this.name = name;
        this.required = required;
        this.max = max;
        this.children = children;
    }

    /** A required element, a leaf when no children are given. */
    static Shape req(String name, Shape... children) {
        return new Shape(name, true, 1, List.of(children));
    }

    /** An optional element, a leaf when no children are given. */
    static Shape opt(String name, Shape... children) {
        return new Shape(name, false, 1, List.of(children));
    }

    /** The same shape repeating up to {@code max} times. */
    Shape upTo(int max) {
        return new Shape(name, required, max, children);
    }

    /**
     * Copies {@code source} (an element named like this shape) under {@code parent}; returns the copy, or
     * null when the source is null or lacks a required part.
     */
    Element copy(Element parent, Element source) {
        if (source == null) {
            return null;
        }
        Element target = parent.getOwnerDocument().createElementNS(parent.getNamespaceURI(), name);
        copyAttributes(target, source);
        if (children.isEmpty()) {
            target.setTextContent(source.getTextContent());
        } else if (!copyChildren(target, source) || (!required && target.getFirstChild() == null)) {
            return null;
        }
        parent.appendChild(target);
        return target;
    }

    /**
     * Copies the source's attributes ({@code currencyID}, {@code unitCode}, {@code listID}, …): the same element
     * has the same WCO data type, and so the same optional attributes, in every CPT message.
     */
    static void copyAttributes(Element target, Element source) {
        NamedNodeMap attributes = source.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            if (!XMLConstants.XMLNS_ATTRIBUTE_NS_URI.equals(a.getNamespaceURI())) {
                target.setAttributeNS(a.getNamespaceURI(), a.getName(), a.getValue());
            }
        }
    }

    /** Copies the children of {@code source} this shape names into {@code target}; false if a required one is missing. */
    private boolean copyChildren(Element target, Element source) {
        for (Shape child : children) {
            if (child.copyEach(target, source) == 0 && child.required) {
                return false;
            }
        }
        return true;
    }

    /** Copies every child of {@code sourceParent} named like this shape, up to its maximum; returns how many. */
    int copyEach(Element parent, Element sourceParent) {
        int copied = 0;
        for (Node n = sourceParent.getFirstChild(); n != null && copied < max; n = n.getNextSibling()) {
            if (n instanceof Element e && name.equals(e.getLocalName()) && copy(parent, e) != null) {
                copied++;
            }
        }
        return copied;
    }

    /** Copies the first of the candidates (any element names) that has every required part; returns the copy or null. */
    Element copyFirst(Element parent, Element... candidates) {
        for (Element candidate : candidates) {
            Element copy = copy(parent, candidate);
            if (copy != null) {
                return copy;
            }
        }
        return null;
    }

    /** Copies the first child of {@code sourceParent} named like this shape; returns the copy or null. */
    Element copyFrom(Element parent, Element sourceParent) {
        return sourceParent == null ? null : copy(parent, Dom.child(sourceParent, name).orElse(null));
    }
}
